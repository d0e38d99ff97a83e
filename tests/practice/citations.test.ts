import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { SEED_DOCUMENTS, type Citation } from "@/lib/model";
import { DRILLS, SCENARIOS } from "@/lib/practice";
import { SCALE_STAGES_SOURCE } from "@/lib/practice/stages";

test("every rubric item, drill and the scale stages cite a section that appears verbatim in its seed", () => {
  const citations: Citation[] = [
    SCALE_STAGES_SOURCE,
    ...DRILLS.map((drill) => drill.citation),
    ...SCENARIOS.flatMap((scenario) => scenario.rubric.flatMap((item) => (item.citation ? [item.citation] : []))),
  ];
  expect(SCENARIOS.every((scenario) => scenario.rubric.every((item) => item.citation !== undefined))).toBe(true);
  const missing = citations.filter(
    (citation) => !readFileSync(path.join("docs/seeds", SEED_DOCUMENTS[citation.doc]), "utf8").includes(citation.section),
  );
  expect(missing).toEqual([]);
});
