import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import type { GeneratorTarget } from "@/lib/generators";
import { fixtureDesigns } from "./support/designs";

/** The targets this suite owns; each target keeps its own golden files so one target's change never rewrites another's. */
const TARGETS: GeneratorTarget[] = ["mermaid", "terraform", "kubernetes"];

function fileMap(files: { path: string; contents: string }[]): string {
  return files.map((file) => `===== ${file.path} =====\n${file.contents}`).join("\n");
}

describe("golden file maps of the sample designs", () => {
  for (const { name, design } of fixtureDesigns()) {
    for (const target of TARGETS) {
      it(`${name} → ${target}`, async () => {
        const files = generate(design, target);
        await expect(fileMap(files)).toMatchFileSnapshot(`__snapshots__/${name}.${target}.txt`);
        expect(generate(structuredClone(design), target)).toEqual(files);
      });
    }
  }
});
