import { availabilityZonesOf, entryPoints, graphOf, instanceFloor } from "../graph";
import { cite, type Citation, type Design } from "../model";
import { simulate, type SimulationFailure, type SimulationOptions } from "../simulation";
import { estimateCapacity } from "./capacity";
import type { Scenario } from "./types";

/** The failure drills of 002 "Failure Scenarios", run by the simulation against the candidate's design. */

export type DrillId = "cache-down" | "database-down" | "traffic-spike" | "zone-outage";

export interface Drill {
  id: DrillId;
  title: string;
  /** The interviewer's question, as 002 asks it. */
  question: string;
  /** Share of requests that must still succeed. */
  threshold: number;
  /** What good designs do, from 002. */
  expectation: string;
  citation: Citation;
  /** Failures to inject; an empty list with a reason when the design has nothing to fail. */
  failures(design: Design): { failures: SimulationFailure[]; failed: string[]; notApplicable?: string; notes?: string[] };
  loadMultiplier?: number;
}

export interface DrillRun {
  drillId: DrillId;
  stageId: string;
  availability: number;
  threshold: number;
  passed: boolean;
  /** The design has nothing this drill can take down (no cache to lose): passed, but not a survival. */
  notApplicable?: boolean;
  /** Components the drill took down, by name. */
  failed: string[];
  explanations: string[];
}

function componentFailures(design: Design, kinds: readonly string[]) {
  const hit = design.components.filter((component) => kinds.includes(component.kind));
  return { failures: hit.map((component) => ({ type: "component" as const, componentId: component.id })), failed: hit.map((component) => component.name) };
}

export const DRILLS: readonly Drill[] = [
  {
    id: "cache-down",
    title: "Cache down",
    question: "What happens if Redis goes down?",
    threshold: 0.9,
    expectation: "Requests bypass the cache and go to the database; read replicas and connection pooling keep it alive. Result: degraded performance, but the system survives.",
    citation: cite("002", "Failure Scenarios"),
    failures(design) {
      const result = componentFailures(design, ["cache"]);
      return result.failures.length > 0 ? result : { ...result, notApplicable: "The design has no cache to lose." };
    },
  },
  {
    id: "database-down",
    title: "Primary database down",
    question: "What if the database goes down?",
    threshold: 0.99,
    expectation: "A Multi-AZ standby takes over and replicas keep serving reads; nothing depends on a single database instance.",
    citation: cite("002", "Address Failure Cases"),
    failures(design) {
      const databases = design.components.filter((component) => component.kind === "database" || component.kind === "nosql-database");
      if (databases.length === 0) return { failures: [], failed: [], notApplicable: "The design has no database to lose." };
      // The primary instance dies: a Multi-AZ standby or another copy of each partition takes over (003 "Multi-AZ Setup").
      const lost = databases.filter((component) => (component.kind === "database" ? !component.config.multiAz : component.config.replicationFactor < 2));
      const survivors = databases.filter((component) => !lost.includes(component));
      return {
        failures: lost.map((component) => ({ type: "component" as const, componentId: component.id })),
        failed: lost.map((component) => component.name),
        ...(survivors.length > 0 ? { notes: survivors.map((component) => `${component.name} loses its primary and fails over to a standby copy in another zone.`) } : {}),
      };
    },
  },
  {
    id: "traffic-spike",
    title: "10× traffic spike",
    question: "How do you handle traffic spikes (10x normal load)?",
    threshold: 0.95,
    expectation: "Auto-scaling adds instances, the CDN absorbs static traffic, rate limiting protects the backend and queues buffer writes.",
    citation: cite("002", "Failure Scenarios"),
    loadMultiplier: 10,
    failures: () => ({ failures: [], failed: [] }),
  },
  {
    id: "zone-outage",
    title: "Availability zone outage",
    question: "What if there's a network partition?",
    threshold: 0.99,
    expectation: "Instances spread over zones, Multi-AZ databases and cross-zone load balancing keep serving from the surviving zone.",
    citation: cite("002", "Address Failure Cases"),
    failures(design) {
      const zone = design.zones.find((candidate) => candidate.kind === "availability-zone");
      if (zone) return { failures: [{ type: "zone", zoneId: zone.id }], failed: [zone.name] };
      // Without drawn zones, everything that runs in one zone only goes down with it.
      const graph = graphOf(design);
      const confined = design.components.filter((component) => {
        const floor = instanceFloor(graph.component(component.id));
        if (floor === undefined) return false;
        if ((component.kind === "service" || component.kind === "worker") && availabilityZonesOf(graph, component.id).spread < 2) return true;
        return floor === 1;
      });
      return { failures: confined.map((component) => ({ type: "component", componentId: component.id })), failed: confined.map((component) => component.name) };
    },
  },
];

export function drillById(id: string): Drill | undefined {
  return DRILLS.find((drill) => drill.id === id);
}

/**
 * Peak load of the stage, shared by every entry point of the design (clients, and internet-facing edge or
 * traffic components nothing calls), so a design without a drawn client is drilled at the stage's load too.
 */
export function stageLoads(design: Design, scenario: Scenario, stageId: string): NonNullable<SimulationOptions["entryLoads"]> {
  const stage = scenario.stages.find((candidate) => candidate.id === stageId) ?? scenario.stages[0];
  const estimate = estimateCapacity(stage.users, scenario.capacity);
  const entries = entryPoints(graphOf(design));
  return Object.fromEntries(
    entries.map((entry) => [entry.id, { rps: estimate.peakRps / entries.length, readRatio: scenario.capacity.readShare, payloadKb: scenario.capacity.responseKb }]),
  );
}

export function runDrill(drill: Drill, design: Design, scenario: Scenario, stageId: string): DrillRun {
  const { failures, failed, notApplicable, notes = [] } = drill.failures(design);
  const base = { drillId: drill.id, stageId, threshold: drill.threshold, failed };
  if (design.components.length === 0) return { ...base, availability: 0, passed: false, explanations: ["The design is empty: there is nothing to serve requests."] };
  const result = simulate(design, { failures, loadMultiplier: drill.loadMultiplier, entryLoads: stageLoads(design, scenario, stageId) });
  const availability = Math.max(0, Math.min(1, result.availability));
  const explanations = [...(notApplicable ? [notApplicable] : []), ...notes, ...result.explanations];
  return { ...base, availability, passed: availability >= drill.threshold, ...(notApplicable ? { notApplicable: true } : {}), explanations };
}
