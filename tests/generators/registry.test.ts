import { describe, expect, it } from "vitest";
import { CODE_GENERATORS, generate, generateAll, generatorFor, GENERATORS, isGeneratorTarget, PICTURE_GENERATORS, runGenerator, UnknownTargetError } from "@/lib/generators";
import type { Generator } from "@/lib/generators";
import { projectSlug } from "@/lib/generators/naming";
import { GENERATOR_TARGETS, TARGET_LABELS } from "@/lib/generators/types";
import { fixtureDesigns } from "./support/designs";

const [{ design }] = fixtureDesigns();

describe("generator registry", () => {
  it("puts each code target's files under a folder named after the target, sorted by path", () => {
    const files = generateAll(design);
    expect(files.map((file) => file.path)).toEqual([...files.map((file) => file.path)].sort());
    for (const generator of CODE_GENERATORS) {
      const own = files.filter((file) => file.path.startsWith(`${generator.target}/`));
      expect(own.map((file) => file.path.slice(generator.target.length + 1))).toEqual(generate(design, generator.target).map((file) => file.path));
    }
    expect(files.every((file) => CODE_GENERATORS.some((generator) => file.path.startsWith(`${generator.target}/`)))).toBe(true);
  });

  it("registers the pictures as their own targets, outside \"all\"", () => {
    expect(PICTURE_GENERATORS.map((generator) => generator.target)).toEqual(["svg", "png"]);
    expect(GENERATORS).toEqual([...CODE_GENERATORS, ...PICTURE_GENERATORS]);
    expect(generateAll(design).some((file) => /^(svg|png)\//.test(file.path))).toBe(false);
    expect(generate(design, "svg").map((file) => file.path)).toEqual([`${projectSlug(design.name)}.svg`]);
  });

  it("registers mermaid, terraform and kubernetes, each once", () => {
    const targets = GENERATORS.map((generator) => generator.target);
    expect(targets).toEqual(expect.arrayContaining(["mermaid", "terraform", "kubernetes"]));
    expect(new Set(targets).size).toBe(targets.length);
    expect(TARGET_LABELS[generatorFor("terraform").target]).toBe("Terraform (AWS)");
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
    const rogue = (paths: string[]): Generator => ({ target: "mermaid", generate: () => paths.map((path) => ({ path, contents: "" })) });
    for (const path of ["../escape.txt", "/etc/passwd", "a/../../b", "a\\b", ""]) expect(() => runGenerator(rogue([path]), design)).toThrow(/unsafe path/);
    expect(() => runGenerator(rogue(["a.txt", "a.txt"]), design)).toThrow(/twice/);
    expect(runGenerator(rogue(["b.txt", "a/c.txt"]), design).map((file) => file.path)).toEqual(["a/c.txt", "b.txt"]);
  });
});
