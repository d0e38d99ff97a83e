import { describe, expect, test } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import { SCENARIOS } from "@/lib/practice/scenarios";
import { finalStage, rubricAt, scoreRubric } from "@/lib/practice/scoring";
import { DIFFICULTIES } from "@/lib/practice/types";

/** Every scenario's rubric, proved from its own data: the reference earns everything, a blank canvas nothing, each item fails alone. */

test("the bank holds at least 12 scenarios with unique ids", () => {
  expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
  expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
});

for (const scenario of SCENARIOS) {
  describe(`scenario ${scenario.id}`, () => {
    const last = finalStage(scenario);

    test("states requirements, questions, stages, hints and a difficulty", () => {
      expect(DIFFICULTIES).toContain(scenario.difficulty);
      expect(scenario.requirements.functional.length).toBeGreaterThan(0);
      expect(scenario.questions.map((question) => question.id)).toEqual(expect.arrayContaining(["users", "read-write", "latency", "consistency"]));
      expect(new Set(scenario.questions.map((question) => question.id)).size).toBe(scenario.questions.length);
      expect(scenario.hints.length).toBeGreaterThan(0);
      expect(scenario.hints.every((hint) => hint.cost > 0)).toBe(true);
      expect(new Set(scenario.rubric.map((item) => item.id)).size).toBe(scenario.rubric.length);
      const stageIds = scenario.stages.map((stage) => stage.id);
      expect(scenario.rubric.every((item) => stageIds.includes(item.stage))).toBe(true);
      expect(scenario.stages.map((stage) => stage.users)).toEqual([...scenario.stages.map((stage) => stage.users)].sort((a, b) => a - b));
    });

    test("the rubric grows with every stage", () => {
      const sizes = scenario.stages.map((stage) => rubricAt(scenario, stage.id).length);
      sizes.forEach((size, index) => expect(size).toBeGreaterThan(index === 0 ? 0 : sizes[index - 1]));
    });

    test("the reference answer scores full marks at every stage", () => {
      for (const stage of scenario.stages) {
        const score = scoreRubric(scenario, scenario.reference, stage.id);
        expect(score.items.filter((item) => !item.passed).map((item) => `${item.id}: ${item.detail}`)).toEqual([]);
        expect(score.earned).toBe(score.max);
      }
    });

    test("a blank design scores zero", () => {
      const score = scoreRubric(scenario, createEmptyDesign("Blank"), last);
      expect(score.items.filter((item) => item.passed).map((item) => item.id)).toEqual([]);
      expect(score.earned).toBe(0);
    });

    for (const item of scenario.rubric) {
      test(`item ${item.id} can be failed alone`, () => {
        const broken = item.breaks(scenario.reference);
        const score = scoreRubric(scenario, broken, last);
        expect(score.items.filter((scored) => !scored.passed).map((scored) => scored.id)).toEqual([item.id]);
      });
    }
  });
}
