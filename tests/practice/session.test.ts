import { describe, expect, test } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import {
  applyEvent,
  buildReport,
  compareEstimates,
  estimateCapacity,
  initialState,
  judgeEstimate,
  PracticeEventError,
  PracticeStateSchema,
  scenarioById,
  type PracticeState,
} from "@/lib/practice";
import { remove } from "@/lib/practice/mutations";

const scenario = scenarioById("product-catalogue")!;
const AT = "2026-01-01T10:00:00.000Z";
const blank = createEmptyDesign("Blank");

function run(events: Parameters<typeof applyEvent>[2][]): PracticeState {
  return events.reduce((state, event) => applyEvent(scenario, state, event, AT).state, initialState(scenario, AT));
}

describe("capacity calculator", () => {
  test("turns users into requests per second, storage, bandwidth and instances at the catalogue's capacities", () => {
    const estimate = estimateCapacity(1_000_000, { requestsPerUserPerDay: 86.4, readShare: 0.9, peakFactor: 2, responseKb: 10, storedPerWriteKb: 1, retentionYears: 1, cacheHitRate: 0.8 });
    expect(estimate).toMatchObject({ averageRps: 1000, peakRps: 2000, readRps: 1800, writeRps: 200, bandwidthMbps: 156.3 });
    expect(estimate.storageGb).toBeCloseTo((8_640_000 * 365) / 1024 / 1024, 1);
    // 2000 / 500 per service instance; 1800 / 10k per cache node; 1 primary + ceil(360 / 1000) replica; 2000 / 10k per LB.
    expect(estimate.instances).toEqual({ service: 4, cache: 1, database: 2, loadBalancer: 1 });
  });

  test("an estimate within a factor of two is close", () => {
    expect([judgeEstimate(100, 100), judgeEstimate(49, 100), judgeEstimate(201, 100), judgeEstimate(undefined, 100)]).toEqual(["close", "low", "high", "missing"]);
  });

  test("compares the candidate's numbers with the calculator and what the design provides", () => {
    const figures = compareEstimates({ peakRps: 50, instances: { service: 2 } }, estimateCapacity(10_000, scenario.capacity), scenario.reference);
    expect(figures.find((figure) => figure.figure === "peakRps")).toMatchObject({ candidate: 50, verdict: "high" });
    expect(figures.find((figure) => figure.figure === "instances.service")).toMatchObject({ candidate: 2, design: 10, verdict: "close" });
  });
});

describe("session events", () => {
  test("phases advance in order with a design snapshot each, and stop at the deep dive", () => {
    const state = run([
      { type: "advance-phase", design: blank },
      { type: "advance-phase", design: scenario.reference },
      { type: "advance-phase", design: scenario.reference },
    ]);
    expect(state.phase).toBe("deep-dive");
    expect(state.snapshots.map((snapshot) => [snapshot.phase, snapshot.design.components.length])).toEqual([
      ["clarify", 0],
      ["estimate", scenario.reference.components.length],
      ["design", scenario.reference.components.length],
    ]);
    expect(() => applyEvent(scenario, state, { type: "advance-phase", design: blank }, AT)).toThrow(PracticeEventError);
    expect(PracticeStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  test("questions and hints count once; unknown ones are refused", () => {
    const state = run([
      { type: "ask", questionId: "users" },
      { type: "ask", questionId: "users" },
      { type: "hint", hintId: "replicas" },
      { type: "hint", hintId: "replicas" },
    ]);
    expect(state.askedQuestionIds).toEqual(["users"]);
    expect(state.hintIds).toEqual(["replicas"]);
    expect(state.timeline.map((entry) => entry.kind)).toEqual(["start", "ask", "hint"]);
    expect(() => applyEvent(scenario, state, { type: "ask", questionId: "nope" }, AT)).toThrow(PracticeEventError);
    expect(() => applyEvent(scenario, state, { type: "hint", hintId: "nope" }, AT)).toThrow(PracticeEventError);
  });

  test("the load grows stage by stage and the rubric with it", () => {
    const stages = [1, 2, 3].map((count) => run(Array.from({ length: count }, () => ({ type: "advance-stage" as const, design: blank }))).stageId);
    expect(stages).toEqual(["10k", "100k", "1m"]);
    const top = run([1, 2, 3].map(() => ({ type: "advance-stage" as const, design: blank })));
    expect(() => applyEvent(scenario, top, { type: "advance-stage", design: blank }, AT)).toThrow(/last scale stage/);
    const early = buildReport(scenario, initialState(scenario, AT), scenario.reference, { startedAt: new Date(AT), finishedAt: new Date(AT), durationMinutes: 45 });
    const late = buildReport(scenario, top, scenario.reference, { startedAt: new Date(AT), finishedAt: new Date(AT), durationMinutes: 45 });
    expect(late.rubric.max).toBeGreaterThan(early.rubric.max);
  });

  test("only the latest run of each drill is kept per stage, however often it is run", () => {
    const withoutCache = remove("product-cache")(scenario.reference);
    const drill = (drillId: string, design = scenario.reference) => ({ type: "drill" as const, drillId, design });
    const state = run([
      drill("cache-down"),
      drill("traffic-spike"),
      drill("cache-down", withoutCache),
      drill("cache-down", withoutCache),
      { type: "advance-stage", design: blank },
      drill("cache-down"),
      drill("cache-down"),
    ]);
    expect(state.drillRuns.map((drillRun) => [drillRun.drillId, drillRun.stageId])).toEqual([
      ["traffic-spike", "1k"],
      ["cache-down", "1k"],
      ["cache-down", "10k"],
    ]);
    expect(state.drillRuns[1].explanations).toContain("The design has no cache to lose.");
    expect(state.timeline.filter((entry) => entry.kind === "drill")).toHaveLength(6);
  });

  test("the report subtracts hint costs, scores categories and notes overtime", () => {
    const state = run([{ type: "hint", hintId: "replicas" }, ...[1, 2, 3].map(() => ({ type: "advance-stage" as const, design: blank }))]);
    const report = buildReport(scenario, state, scenario.reference, {
      startedAt: new Date("2026-01-01T10:00:00Z"),
      finishedAt: new Date("2026-01-01T10:50:00Z"),
      durationMinutes: 45,
    });
    expect(report.total).toEqual({ earned: report.rubric.max - 2, max: report.rubric.max, percent: Math.round(((report.rubric.max - 2) / report.rubric.max) * 100) });
    expect(report).toMatchObject({ minutesUsed: 50, overtime: true, hints: { used: 1, cost: 2 } });
    const reliability = report.categories.find((category) => category.category === "reliability")!;
    expect(reliability.earned).toBe(reliability.max);
    expect(reliability.explanation).toMatch(/^Rubric: \d+ of \d+ points .* Best-practice rules: Reliability:/);
    const blankReport = buildReport(scenario, state, blank, { startedAt: new Date(AT), finishedAt: new Date(AT), durationMinutes: 45 });
    expect(blankReport.total.earned).toBe(0);
    expect(blankReport.categories.every((category) => category.rules === null && category.explanation.endsWith("Best-practice rules: nothing drawn to check."))).toBe(true);
    expect(reliability.rules?.score).toBeGreaterThan(0);
  });
});
