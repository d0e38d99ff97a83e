import { requestPaths } from "../graph";
import type { Connection } from "../model";
import type { Flow } from "./flow";
import { callSuccess, backoffMs, retriesAtQuantile } from "./retries";
import type { PathResult } from "./types";

/** Paths shown: enough to read, bounded because their number can grow exponentially with the design. */
export const MAX_PATHS = 200;

/** Errors below this share count as noise; above it a path is degraded, at half or more it is broken. */
const DEGRADED_ERROR_RATE = 0.001;
const BROKEN_ERROR_RATE = 0.5;

export interface PathDetail extends PathResult {
  /** One entry per hop after the entry point: its share of the path's latency. */
  hops: { connectionId: string; componentId: string; p50Ms: number; p95Ms: number; success: number; fellBack: boolean; breakerOpen: boolean }[];
  entryP50Ms: number;
  entryP95Ms: number;
}

/** Latency of one hop at quantile q: the callee's own time (cut by the timeout) plus the retries the failures force. */
function hopLatency(connection: Connection, ownMs: number, attemptFailure: number, q: number): number {
  const attemptMs = Math.min(connection.timeoutMs ?? Infinity, ownMs);
  const retries = retriesAtQuantile(connection, attemptFailure, q);
  let total = attemptMs;
  for (let retry = 0; retry < retries; retry += 1) total += backoffMs(connection, retry) + attemptMs;
  return total;
}

/**
 * Each synchronous request path from an entry point: the requests that follow it (the entry's load times the
 * share routed along each hop), the share that fails at one of its hops, and p50/p95 as the sum of the hops'
 * quantiles (a pessimistic bound). A hop into a cache also succeeds when the cache fails but the caller's data
 * stores answer instead (cache-aside), which marks the path degraded rather than broken.
 */
export function pathResults(flow: Flow): PathDetail[] {
  const { graph } = flow;
  const { connections } = graph.design;
  const connectionIndex = new Map(connections.map((connection, index) => [connection.id, index]));
  const componentIndex = new Map(graph.design.components.map((component, index) => [component.id, index]));
  const carried = new Set<number>();
  for (const plan of flow.plans) for (const connection of [...plan.pools.flat(), ...plan.calls, ...plan.caches, ...plan.stores]) carried.add(connection);
  // Paths into a secrets manager (read at start-up) or around a loop carry no requests, so they are not shown.
  const paths = requestPaths(graph, { maxPaths: MAX_PATHS }).paths.filter((path) => path.every((connection) => carried.has(connectionIndex.get(connection.id)!)));
  return paths.map((path) => {
    const entry = componentIndex.get(path[0].source)!;
    const load = flow.entryLoads.get(path[0].source);
    let reads = (load?.rps ?? 0) * (load?.readRatio ?? 1) * flow.own[entry];
    let writes = (load?.rps ?? 0) * (1 - (load?.readRatio ?? 1)) * flow.own[entry];
    let success = 1;
    let p50 = flow.own50[entry];
    let p95 = flow.own95[entry];
    let fellBackAnywhere = false;
    const hops: PathDetail["hops"] = [];
    for (const connection of path) {
      const index = connectionIndex.get(connection.id)!;
      const source = componentIndex.get(connection.source)!;
      const target = componentIndex.get(connection.target)!;
      const plan = flow.plans[source];
      if (plan.mode === "route") {
        reads *= (1 - plan.edgeHitRate) * flow.routeWeight[index];
        writes *= flow.routeWeight[index];
      } else if (plan.caches.includes(index)) {
        reads /= plan.caches.length;
        writes = 0;
      } else if (plan.stores.includes(index)) {
        reads *= 1 - flow.hitShare[source];
      } else if (!plan.calls.includes(index)) {
        reads = 0;
        writes = 0;
      }
      const open = flow.breakerOpen[index] === 1;
      const attemptSuccess = flow.own[target] * (1 - flow.timedOut[index]);
      let hopSuccess = open ? 0 : callSuccess(connection, attemptSuccess);
      let fellBack = false;
      if (plan.mode === "call" && plan.caches.includes(index) && plan.stores.length > 0 && hopSuccess < 1 - DEGRADED_ERROR_RATE) {
        let storesAnswer = 1;
        for (const store of plan.stores) storesAnswer *= flow.callRead[store];
        hopSuccess = 1 - (1 - hopSuccess) * (1 - storesAnswer);
        fellBack = true;
      }
      fellBackAnywhere ||= fellBack;
      success *= hopSuccess;
      const hop50 = open ? 0 : hopLatency(connection, flow.own50[target], 1 - attemptSuccess, 0.5);
      const hop95 = open ? 0 : hopLatency(connection, flow.own95[target], 1 - attemptSuccess, 0.95);
      p50 += hop50;
      p95 += hop95;
      hops.push({ connectionId: connection.id, componentId: connection.target, p50Ms: hop50, p95Ms: hop95, success: hopSuccess, fellBack, breakerOpen: open });
    }
    const flowing = reads + writes;
    const errorRate = 1 - success * flow.own[entry];
    const componentIds = [path[0].source, ...path.map((connection) => connection.target)];
    const outcome: PathResult["outcome"] =
      errorRate >= BROKEN_ERROR_RATE ? "broken" : errorRate >= DEGRADED_ERROR_RATE || fellBackAnywhere ? "degraded" : "healthy";
    return {
      id: componentIds.join(">"),
      componentIds,
      p50Ms: p50,
      p95Ms: p95,
      throughputRps: flowing * success,
      errorRate: Math.max(0, errorRate),
      outcome,
      hops,
      entryP50Ms: flow.own50[entry],
      entryP95Ms: flow.own95[entry],
    };
  });
}
