export type {
  ComponentLoad,
  ComponentStatus,
  EntryLoad,
  PathResult,
  SimulationFailure,
  SimulationOptions,
  SimulationResult,
} from "./types";
export { simulate, simulateDetailed, type ConnectionLoad, type DetailedSimulationResult } from "./simulate";
export type { PathDetail } from "./paths";
export { DEFAULT_ENTRY_RPS, DEFAULT_PAYLOAD_KB, DEFAULT_READ_RATIO, resolveEntryLoads } from "./entry-loads";
export { BUSY_UTILISATION } from "./status";
export { formatMs, formatNumber, formatPercent } from "./format";
export { EntryLoadSchema, SimulationFailureSchema, SimulationOptionsSchema, optionIssues } from "./options";
export { JOURNEY_PHASES, type JourneyPhase } from "./phases";
