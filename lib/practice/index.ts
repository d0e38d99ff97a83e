export * from "./types";
export { SCENARIOS, scenarioById } from "./scenarios";
export { DEFAULT_STAGES, stageIndex } from "./stages";
export { estimateCapacity, compareEstimates, designInstances, judgeEstimate, TIERS, type CandidateEstimate, type CapacityEstimate, type EstimateComparison, type TierId } from "./capacity";
export { DRILLS, drillById, runDrill, stageLoads, type Drill, type DrillId, type DrillRun } from "./drills";
export { finalStage, rubricAt, scoreCategories, scoreRubric, type CategoryResult, type ItemScore, type RubricScore } from "./scoring";
export {
  applyEvent,
  buildReport,
  finishState,
  initialState,
  CandidateEstimateSchema,
  DEFAULT_DURATION_MINUTES,
  PHASES,
  PHASE_LABELS,
  PracticeEventError,
  PracticeEventSchema,
  PracticeStateSchema,
  PRACTICE_STATE_LIMITS,
  withSnapshot,
  withTimelineEntry,
  type DesignSnapshot,
  type Phase,
  type PracticeEvent,
  type PracticeEventInput,
  type PracticeReport,
  type PracticeState,
  type TimelineEntry,
} from "./session";
