import { describe, expect, it } from "vitest";
import { createEmptyDesign } from "../model";
import { scenarioById } from "./scenarios";
import { applyEvent, initialState, PRACTICE_STATE_LIMITS, withSnapshot, withTimelineEntry, type PracticeState } from "./session";

const scenario = scenarioById("url-shortener")!;
const AT = "2026-01-01T10:00:00.000Z";

describe("practice state bounds", () => {
  it("collapses the oldest timeline steps into one entry with their count, keeping the start and the newest", () => {
    let state: PracticeState = initialState(scenario, AT);
    const steps = 500;
    for (let step = 1; step <= steps; step += 1) {
      state = applyEvent(scenario, state, { type: "estimate", estimate: { peakRps: step } }, `2026-01-01T10:${String(step % 60).padStart(2, "0")}:00.000Z`).state;
    }
    expect(state.timeline).toHaveLength(PRACTICE_STATE_LIMITS.timelineEntries);
    expect(state.timeline[0].kind).toBe("start");
    const collapsed = state.timeline[1];
    const shown = PRACTICE_STATE_LIMITS.timelineEntries - 2;
    expect(collapsed).toMatchObject({ kind: "collapsed", collapsed: steps - shown, message: `${steps - shown} earlier steps not shown.` });
    expect(state.timeline.at(-1)?.message).toBe(`Estimated ${steps} peak req/s.`);
    expect(state.timeline[2].message).toBe(`Estimated ${steps - shown + 1} peak req/s.`);
  });

  it("keeps a timeline under the limit as it is", () => {
    const state = withTimelineEntry(initialState(scenario, AT), AT, "ask", "Asked");
    expect(state.timeline.map((entry) => entry.kind)).toEqual(["start", "ask"]);
  });

  it("keeps only the newest snapshots beyond the cap", () => {
    let state: PracticeState = initialState(scenario, AT);
    for (let index = 0; index < PRACTICE_STATE_LIMITS.snapshots + 5; index += 1) state = withSnapshot(state, createEmptyDesign(`Design ${index}`), AT);
    expect(state.snapshots).toHaveLength(PRACTICE_STATE_LIMITS.snapshots);
    expect(state.snapshots.at(-1)?.design.name).toBe(`Design ${PRACTICE_STATE_LIMITS.snapshots + 4}`);
    expect(state.snapshots[0].design.name).toBe("Design 5");
  });
});
