/** What the simulation takes and gives back; the contract shared with the practice mode. */

export type SimulationFailure = { type: "component"; componentId: string } | { type: "zone"; zoneId: string } | { type: "region"; zoneId: string };

/** Traffic arriving at one entry point. */
export interface EntryLoad {
  rps: number;
  /** Share of requests that are reads, 0..1. */
  readRatio: number;
  payloadKb: number;
}

export interface SimulationOptions {
  /** Load per entry point id; missing fields take the entry's configured load. */
  entryLoads?: Record<string, Partial<EntryLoad>>;
  failures?: SimulationFailure[];
  /** Multiplies every entry load: 10 is 002's traffic spike drill. */
  loadMultiplier?: number;
}

export type ComponentStatus = "idle" | "ok" | "busy" | "overloaded" | "failed";

export interface ComponentLoad {
  componentId: string;
  /** Requests per second arriving, retries included. */
  offeredRps: number;
  /** Requests per second it handled. */
  servedRps: number;
  /** Requests per second it answered with an error (failed, overloaded, or passed up from below). */
  errorRps: number;
  /** Requests per second it turned away itself: beyond its capacity, or all of them while it is down. */
  shedRps?: number;
  /**
   * Effective capacity in requests per second: per-instance capacity times instances (the autoscaling maximum),
   * adjusted for the read/replica mix and for what a drill leaves standing; 0 while the component is down.
   */
  capacityRps: number;
  /** offeredRps / capacityRps. */
  utilisation: number;
  status: ComponentStatus;
}

export interface PathResult {
  id: string;
  componentIds: string[];
  p50Ms: number;
  p95Ms: number;
  throughputRps: number;
  /** Share of the requests entering the path that fail, 0..1. */
  errorRate: number;
  outcome: "healthy" | "degraded" | "broken";
}

export interface SimulationResult {
  components: Record<string, ComponentLoad>;
  paths: PathResult[];
  bottleneck?: { componentId: string; utilisation: number };
  /** 0..1 share of entry requests that succeed. */
  availability: number;
  explanations: string[];
}
