import { z } from "zod";
import { DesignSchema, type Design } from "../model";
import { compareEstimates, estimateCapacity, type CandidateEstimate, type EstimateComparison } from "./capacity";
import { DRILLS, drillById, runDrill, type DrillId, type DrillRun } from "./drills";
import { finalStage, scoreCategories, scoreRubric, type CategoryResult, type RubricScore } from "./scoring";
import type { Scenario } from "./types";

/*
 * A practice session as data: the phases of 002 "Key Takeaways for Interviews", what the candidate asked,
 * estimated and drilled, design snapshots per phase, and a timeline. Events move it forward; the report
 * is computed once, when the candidate finishes.
 */

export const PHASES = ["clarify", "estimate", "design", "deep-dive"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  clarify: "Clarify requirements",
  estimate: "Estimate capacity",
  design: "High-level design",
  "deep-dive": "Deep dive",
};

export const DEFAULT_DURATION_MINUTES = 45;

const count = z.number().finite().min(0).max(1e15);

export const CandidateEstimateSchema = z
  .object({
    peakRps: count.optional(),
    storageGb: count.optional(),
    bandwidthMbps: count.optional(),
    instances: z.object({ service: count.optional(), cache: count.optional(), database: count.optional(), loadBalancer: count.optional() }).optional(),
  })
  .describe("The candidate's own capacity figures.");

const DrillRunSchema = z.object({
  drillId: z.enum(DRILLS.map((drill) => drill.id) as [DrillId, ...DrillId[]]),
  stageId: z.string(),
  availability: z.number(),
  threshold: z.number(),
  passed: z.boolean(),
  notApplicable: z.boolean().optional(),
  failed: z.array(z.string()),
  explanations: z.array(z.string()),
});

const SnapshotSchema = z.object({ phase: z.enum(PHASES), stageId: z.string(), at: z.string(), design: DesignSchema });

const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  message: z.string(),
  /** On the entry that stands for collapsed older steps: how many it stands for. */
  collapsed: z.number().int().min(1).optional(),
});

/**
 * Bounds on the stored state. Snapshots are taken at phase and stage changes and at the finish (at most seven in
 * the longest scenario), so the cap only matters for a client that replays events; the timeline grows with every
 * estimate and drill, so its oldest steps are collapsed into one entry with their count.
 */
export const PRACTICE_STATE_LIMITS = { snapshots: 8, timelineEntries: 100 } as const;

const COLLAPSED_KIND = "collapsed";

export const PracticeStateSchema = z.object({
  phase: z.enum(PHASES),
  stageId: z.string(),
  askedQuestionIds: z.array(z.string()),
  estimate: CandidateEstimateSchema.optional(),
  hintIds: z.array(z.string()),
  drillRuns: z.array(DrillRunSchema),
  snapshots: z.array(SnapshotSchema),
  timeline: z.array(TimelineEntrySchema),
});

export type PracticeState = z.infer<typeof PracticeStateSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type DesignSnapshot = z.infer<typeof SnapshotSchema>;

/** What the client sends; designs are the live canvas, validated on the way in. */
export const PracticeEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ask"), questionId: z.string() }),
  z.object({ type: z.literal("estimate"), estimate: CandidateEstimateSchema }),
  z.object({ type: z.literal("advance-phase"), design: z.unknown() }),
  z.object({ type: z.literal("hint"), hintId: z.string() }),
  z.object({ type: z.literal("drill"), drillId: z.string(), design: z.unknown() }),
  z.object({ type: z.literal("advance-stage"), design: z.unknown() }),
  z.object({ type: z.literal("finish"), design: z.unknown() }),
]);

export type PracticeEventInput = z.infer<typeof PracticeEventSchema>;
/** An event whose design has been parsed. */
export type PracticeEvent =
  | { type: "ask"; questionId: string }
  | { type: "estimate"; estimate: CandidateEstimate }
  | { type: "advance-phase"; design: Design }
  | { type: "hint"; hintId: string }
  | { type: "drill"; drillId: string; design: Design }
  | { type: "advance-stage"; design: Design };

export class PracticeEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PracticeEventError";
  }
}

export function initialState(scenario: Scenario, at: string): PracticeState {
  return {
    phase: "clarify",
    stageId: scenario.stages[0].id,
    askedQuestionIds: [],
    hintIds: [],
    drillRuns: [],
    snapshots: [],
    timeline: [{ at, kind: "start", message: `Started “${scenario.title}” at ${scenario.stages[0].label}.` }],
  };
}

/**
 * The timeline with `entry` appended, at most PRACTICE_STATE_LIMITS.timelineEntries long: the start stays first,
 * then one entry counting the collapsed older steps, then the newest steps.
 */
function appendToTimeline(timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  const appended = [...timeline, entry];
  const excess = appended.length - PRACTICE_STATE_LIMITS.timelineEntries;
  if (excess <= 0) return appended;
  const [start, ...rest] = appended;
  const alreadyCollapsed = rest[0]?.kind === COLLAPSED_KIND ? (rest[0].collapsed ?? 0) : 0;
  const steps = alreadyCollapsed > 0 ? rest.slice(1) : rest;
  // One slot goes to the collapsed entry itself, so one more step than the excess is folded into it.
  const folded = steps.length - (PRACTICE_STATE_LIMITS.timelineEntries - 2);
  const count = alreadyCollapsed + folded;
  const newestFolded = steps[folded - 1];
  const collapsed: TimelineEntry = { at: newestFolded.at, kind: COLLAPSED_KIND, message: `${count} earlier step${count === 1 ? "" : "s"} not shown.`, collapsed: count };
  return [start, collapsed, ...steps.slice(folded)];
}

/** The state with a snapshot of `design` at the current phase and stage; the oldest go beyond the cap. */
export function withSnapshot(state: PracticeState, design: Design, at: string): PracticeState {
  const snapshots = [...state.snapshots, { phase: state.phase, stageId: state.stageId, at, design }];
  return { ...state, snapshots: snapshots.slice(-PRACTICE_STATE_LIMITS.snapshots) };
}

/** The state with `message` logged at the end of the timeline, which stays bounded. */
export function withTimelineEntry(state: PracticeState, at: string, kind: string, message: string): PracticeState {
  return { ...state, timeline: appendToTimeline(state.timeline, { at, kind, message }) };
}

function describeEstimate(estimate: CandidateEstimate): string {
  const parts = [
    estimate.peakRps === undefined ? undefined : `${estimate.peakRps} peak req/s`,
    estimate.storageGb === undefined ? undefined : `${estimate.storageGb} GB`,
    estimate.bandwidthMbps === undefined ? undefined : `${estimate.bandwidthMbps} Mbit/s`,
    ...Object.entries(estimate.instances ?? {}).map(([tier, value]) => (value === undefined ? undefined : `${value} ${tier}`)),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(", ") : "no figures";
}

/** The state after one event, and the drill run it produced, if any. */
export function applyEvent(scenario: Scenario, state: PracticeState, event: PracticeEvent, at: string): { state: PracticeState; drillRun?: DrillRun } {
  switch (event.type) {
    case "ask": {
      const question = scenario.questions.find((candidate) => candidate.id === event.questionId);
      if (!question) throw new PracticeEventError(`No question "${event.questionId}" in this scenario`);
      if (state.askedQuestionIds.includes(question.id)) return { state };
      return { state: withTimelineEntry({ ...state, askedQuestionIds: [...state.askedQuestionIds, question.id] }, at, "ask", `Asked: ${question.question} — ${question.answer}`) };
    }
    case "estimate":
      return { state: withTimelineEntry({ ...state, estimate: event.estimate }, at, "estimate", `Estimated ${describeEstimate(event.estimate)}.`) };
    case "advance-phase": {
      const index = PHASES.indexOf(state.phase);
      if (index === PHASES.length - 1) throw new PracticeEventError("The deep dive is the last phase: finish the session instead");
      const next = PHASES[index + 1];
      return { state: withTimelineEntry({ ...withSnapshot(state, event.design, at), phase: next }, at, "phase", `Moved on to ${PHASE_LABELS[next]} (${event.design.components.length} components so far).`) };
    }
    case "hint": {
      const hint = scenario.hints.find((candidate) => candidate.id === event.hintId);
      if (!hint) throw new PracticeEventError(`No hint "${event.hintId}" in this scenario`);
      if (state.hintIds.includes(hint.id)) return { state };
      return { state: withTimelineEntry({ ...state, hintIds: [...state.hintIds, hint.id] }, at, "hint", `Took a hint (−${hint.cost} points): ${hint.text}`) };
    }
    case "drill": {
      const drill = drillById(event.drillId);
      if (!drill) throw new PracticeEventError(`No drill "${event.drillId}"`);
      const drillRun = runDrill(drill, event.design, scenario, state.stageId);
      const verdict = `${drillRun.passed ? "passed" : "failed"} with ${(drillRun.availability * 100).toFixed(1)} % of requests served (needs ${(drill.threshold * 100).toFixed(0)} %)`;
      // Only the latest run of each drill per stage is kept: repeated runs would otherwise grow the stored state without bound.
      const kept = state.drillRuns.filter((earlier) => earlier.drillId !== drillRun.drillId || earlier.stageId !== drillRun.stageId);
      return { state: withTimelineEntry({ ...state, drillRuns: [...kept, drillRun] }, at, "drill", `Drill “${drill.title}” ${verdict}.`), drillRun };
    }
    case "advance-stage": {
      const index = scenario.stages.findIndex((stage) => stage.id === state.stageId);
      if (index === scenario.stages.length - 1) throw new PracticeEventError("Already at the last scale stage");
      const next = scenario.stages[index + 1];
      return { state: withTimelineEntry({ ...withSnapshot(state, event.design, at), stageId: next.id }, at, "stage", `Load grows to ${next.label}: ${next.focus}`) };
    }
  }
}

export interface PracticeReport {
  stageId: string;
  rubric: RubricScore;
  categories: CategoryResult[];
  hints: { used: number; cost: number };
  questions: { asked: number; total: number };
  estimates: EstimateComparison[];
  /** Every drill run on the final design, at the reached stage. */
  drills: DrillRun[];
  total: { earned: number; max: number; percent: number };
  minutesUsed: number;
  overtime: boolean;
  explanation: string;
}

/** Closes a session: keeps the final design as the last snapshot, scores it and notes the score on the timeline. */
export function finishState(
  scenario: Scenario,
  state: PracticeState,
  design: Design,
  timing: { startedAt: Date; finishedAt: Date; durationMinutes: number },
): { state: PracticeState; report: PracticeReport } {
  const at = timing.finishedAt.toISOString();
  const withFinal = withSnapshot(state, design, at);
  const report = buildReport(scenario, withFinal, design, timing);
  const finished = withTimelineEntry(withFinal, at, "finish", `Finished with ${report.total.earned} of ${report.total.max} points (${report.total.percent} %).`);
  return { state: finished, report };
}

export function buildReport(
  scenario: Scenario,
  state: PracticeState,
  design: Design,
  timing: { startedAt: Date; finishedAt: Date; durationMinutes: number },
): PracticeReport {
  const rubric = scoreRubric(scenario, design, state.stageId);
  const hintCost = scenario.hints.filter((hint) => state.hintIds.includes(hint.id)).reduce((sum, hint) => sum + hint.cost, 0);
  const earned = Math.max(0, rubric.earned - hintCost);
  const percent = rubric.max === 0 ? 0 : Math.round((earned / rubric.max) * 100);
  const stage = scenario.stages.find((candidate) => candidate.id === state.stageId) ?? scenario.stages[0];
  const minutesUsed = Math.max(0, Math.round((timing.finishedAt.getTime() - timing.startedAt.getTime()) / 60_000));
  return {
    stageId: stage.id,
    rubric,
    categories: scoreCategories(rubric, design),
    hints: { used: state.hintIds.length, cost: hintCost },
    questions: { asked: state.askedQuestionIds.length, total: scenario.questions.length },
    estimates: compareEstimates(state.estimate, estimateCapacity(stage.users, scenario.capacity), design),
    drills: DRILLS.map((drill) => runDrill(drill, design, scenario, stage.id)),
    total: { earned, max: rubric.max, percent },
    minutesUsed,
    overtime: minutesUsed > timing.durationMinutes,
    explanation:
      `Rubric at ${stage.label}: ${rubric.earned} of ${rubric.max} points` +
      (hintCost > 0 ? `, minus ${hintCost} for ${state.hintIds.length} hint${state.hintIds.length === 1 ? "" : "s"}` : "") +
      ` = ${earned} (${percent} %).` +
      (stage.id === finalStage(scenario) ? "" : ` Reaching later scale stages adds rubric items.`),
  };
}
