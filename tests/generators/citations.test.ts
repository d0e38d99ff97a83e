import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import type { GeneratorTarget } from "@/lib/generators";
import { SEED_DOCUMENTS, type SeedDocument } from "@/lib/model";
import { fixtureDesigns } from "./support/designs";

const seeds = Object.fromEntries(
  Object.entries(SEED_DOCUMENTS).map(([doc, file]) => [doc, readFileSync(new URL(`../../docs/seeds/${file}`, import.meta.url), "utf8")]),
) as Record<SeedDocument, string>;

describe("seed citations in generated files", () => {
  it.each(["mermaid", "terraform", "kubernetes"] as GeneratorTarget[])("%s: every cited section appears verbatim in its seed", (target) => {
    const cited = new Set<string>();
    for (const { design } of fixtureDesigns()) {
      for (const file of generate(design, target)) {
        for (const match of file.contents.matchAll(/seed (\d{3}), "([^"]+)"/g)) {
          const [, doc, section] = match;
          expect(seeds[doc as SeedDocument], `seed ${doc} "${section}" in ${file.path}`).toContain(section);
          cited.add(`${doc}:${section}`);
        }
      }
    }
    expect(cited.size).toBeGreaterThan(target === "mermaid" ? 1 : 5);
  });
});
