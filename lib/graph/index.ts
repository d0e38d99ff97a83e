export { DesignGraph, graphOf } from "./design-graph";
export { DATA_STORE_KINDS, FORWARDING_KINDS, WORKLOAD_KINDS, isInternetFacingKind, isSync } from "./kinds";
export { entryPoints } from "./entry-points";
export {
  blastRadius,
  internetExposure,
  isClientOrForwarding,
  isOnRequestPath,
  requestPathReach,
  walkSync,
  type Reach,
} from "./reachability";
export { mustBeFrontedBy, unprotectedTraffic, type FrontingRequirement, type UnprotectedTraffic } from "./fronted-by";
export { cycleLoop, isInsideCycle, syncCycles, syncTopologicalOrder, type SyncCycle } from "./cycles";
export {
  WORST_HOPS_KEPT,
  attemptsOf,
  extendChain,
  isRetrying,
  retryAmplification,
  worstHops,
  type Amplification,
  type RetryingChain,
  type RetryingHop,
} from "./retries";
export { TRANSPARENT_KINDS, callerBudget, fitsBudget, suggestedTimeout, timeoutBelow, type CallerBudget } from "./timeouts";
export { absolutePosition, availabilityZonesOf, componentZones, enclosingZone, zoneChain, type AvailabilityZones, type ZonePlacement } from "./zones";
export { instanceFloor, singlePointsOfFailure, type SinglePointOfFailure } from "./redundancy";
export { NAMED_HOPS, summarisePath, type PathSummary, type PathTree } from "./path-summary";
export { requestPaths, type RequestPathOptions, type RequestPaths } from "./paths";
