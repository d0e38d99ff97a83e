import { describe, expect, it } from "vitest";
import { generate, generateAll, generatorFor, GENERATORS, isGeneratorTarget, runGenerator, UnknownTargetError } from "@/lib/generators";
import type { Generator } from "@/lib/generators";
import { GENERATOR_TARGETS } from "@/lib/generators/types";
import { fixtureDesigns } from "./support/designs";

const [{ design }] = fixtureDesigns();

describe("generator registry", () => {
  it("puts each target's files under a folder named after the target, sorted by path", () => {
    const files = generateAll(design);
    expect(files.map((file) => file.path)).toEqual([...files.map((file) => file.path)].sort());
    for (const generator of GENERATORS) {
      const own = files.filter((file) => file.path.startsWith(`${generator.target}/`));
      expect(own.map((file) => file.path.slice(generator.target.length + 1))).toEqual(generate(design, generator.target).map((file) => file.path));
    }
    expect(files.every((file) => GENERATORS.some((generator) => file.path.startsWith(`${generator.target}/`)))).toBe(true);
  });

  it("registers mermaid, terraform and kubernetes, each once", () => {
    const targets = GENERATORS.map((generator) => generator.target);
    expect(targets).toEqual(expect.arrayContaining(["mermaid", "terraform", "kubernetes"]));
    expect(new Set(targets).size).toBe(targets.length);
    expect(generatorFor("terraform").label).toBe("Terraform (AWS)");
  });

  it("has exactly one generator for every target the types name, and no other", () => {
    expect(GENERATORS.map((generator) => generator.target).sort()).toEqual([...GENERATOR_TARGETS].sort());
  });

  it("knows its targets by name", () => {
    expect(isGeneratorTarget("kubernetes")).toBe(true);
    expect(isGeneratorTarget("helm")).toBe(false);
    expect(new UnknownTargetError("x")).toBeInstanceOf(Error);
  });

  it("refuses a generator that writes outside its folder or twice to one file", () => {
    const rogue = (paths: string[]): Generator => ({ target: "mermaid", label: "rogue", generate: () => paths.map((path) => ({ path, contents: "" })) });
    for (const path of ["../escape.txt", "/etc/passwd", "a/../../b", "a\\b", ""]) expect(() => runGenerator(rogue([path]), design)).toThrow(/unsafe path/);
    expect(() => runGenerator(rogue(["a.txt", "a.txt"]), design)).toThrow(/twice/);
    expect(runGenerator(rogue(["b.txt", "a/c.txt"]), design).map((file) => file.path)).toEqual(["a/c.txt", "b.txt"]);
  });
});
