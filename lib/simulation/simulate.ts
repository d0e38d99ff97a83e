import { graphOf } from "../graph";
import type { Design } from "../model";
import { resolveEntryLoads } from "./entry-loads";
import { explain } from "./explain";
import { resolveFailures } from "./failures";
import { runFlow, type Flow } from "./flow";
import { pathResults, type PathDetail } from "./paths";
import { componentStatus } from "./status";
import type { ComponentLoad, SimulationOptions, SimulationResult } from "./types";

/** Traffic over one connection: calls made, attempts sent (retries included), and whether its breaker is open. */
export interface ConnectionLoad {
  connectionId: string;
  callsRps: number;
  attemptsRps: number;
  breakerOpen: boolean;
}

/** The full result plus per-connection traffic and per-hop detail for the canvas and the journey playback. */
export interface DetailedSimulationResult extends SimulationResult {
  connections: Record<string, ConnectionLoad>;
  pathDetails: PathDetail[];
}

function connectionLoads(flow: Flow): Record<string, ConnectionLoad> {
  const loads: Record<string, ConnectionLoad> = {};
  flow.graph.design.connections.forEach((connection, index) => {
    loads[connection.id] = {
      connectionId: connection.id,
      callsRps: flow.sentRead[index] + flow.sentWrite[index],
      attemptsRps: flow.attemptRead[index] + flow.attemptWrite[index],
      breakerOpen: flow.breakerOpen[index] === 1,
    };
  });
  return loads;
}

function componentLoads(flow: Flow): Record<string, ComponentLoad> {
  const loads: Record<string, ComponentLoad> = {};
  flow.graph.design.components.forEach((component, index) => {
    const offeredRps = flow.inRead[index] + flow.inWrite[index];
    const servedRps = flow.inRead[index] * flow.successRead[index] + flow.inWrite[index] * flow.successWrite[index];
    const failed = flow.impacts[index]?.failed === true;
    loads[component.id] = {
      componentId: component.id,
      offeredRps,
      servedRps,
      errorRps: Math.max(0, offeredRps - servedRps),
      shedRps: offeredRps * (1 - flow.own[index]),
      capacityRps: flow.capacity[index],
      utilisation: flow.utilisation[index],
      status: componentStatus(failed, offeredRps, flow.utilisation[index]),
    };
  });
  return loads;
}

function availabilityOf(flow: Flow, loads: Record<string, ComponentLoad>): number {
  let entering = 0;
  let succeeding = 0;
  for (const id of flow.entryLoads.keys()) {
    entering += loads[id].offeredRps;
    succeeding += loads[id].servedRps;
  }
  return entering > 0 ? Math.min(1, succeeding / entering) : 1;
}

/** The most utilised component still running; ties go to the first in the design. */
function bottleneckOf(loads: Record<string, ComponentLoad>): SimulationResult["bottleneck"] {
  let best: SimulationResult["bottleneck"];
  for (const load of Object.values(loads)) {
    if (load.status === "failed" || load.status === "idle") continue;
    if (!best || load.utilisation > best.utilisation) best = { componentId: load.componentId, utilisation: load.utilisation };
  }
  return best;
}

/**
 * Pour each entry point's load through the design and report utilisation, latency, errors and availability,
 * with failure drills (a component, a zone, a region) and a load multiplier (002 "Failure Scenarios").
 */
export function simulateDetailed(design: Design, options: SimulationOptions = {}): DetailedSimulationResult {
  const graph = graphOf(design);
  const failures = options.failures ?? [];
  const loadMultiplier = options.loadMultiplier ?? 1;
  const flow = runFlow(graph, resolveFailures(graph, failures), resolveEntryLoads(graph, options));
  const drilled = failures.length > 0 || loadMultiplier !== 1;
  const baseline = drilled ? runFlow(graph, new Map(), resolveEntryLoads(graph, { entryLoads: options.entryLoads })) : undefined;
  const components = componentLoads(flow);
  const pathDetails = pathResults(flow);
  const availability = availabilityOf(flow, components);
  const bottleneck = bottleneckOf(components);
  const explanations = explain({ flow, baseline, failures, loadMultiplier, components, paths: pathDetails, bottleneck, availability });
  return {
    components,
    paths: pathDetails.map(({ id, componentIds, p50Ms, p95Ms, throughputRps, errorRate, outcome }) => ({ id, componentIds, p50Ms, p95Ms, throughputRps, errorRate, outcome })),
    bottleneck,
    availability,
    explanations,
    connections: connectionLoads(flow),
    pathDetails,
  };
}

export function simulate(design: Design, options: SimulationOptions = {}): SimulationResult {
  const { components, paths, bottleneck, availability, explanations } = simulateDetailed(design, options);
  return { components, paths, bottleneck, availability, explanations };
}
