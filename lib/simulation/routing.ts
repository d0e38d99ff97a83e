import { FORWARDING_KINDS, type DesignGraph } from "../graph";
import type { Component, Connection } from "../model";

/**
 * How a component passes its requests on, decided once per design:
 * - the edge and traffic layers (and clients) route each request to ONE target: connections with the same path
 *   prefix form a pool that health checks can route around, different prefixes split the traffic evenly;
 * - everything else calls EVERY dependency per request, except that reads go to its caches first and only the
 *   misses reach its data stores (cache-aside, 003 "Caching Strategy": 1000 req/s at 85 % hits → 150 DB queries);
 * - secrets are read at start-up and kept, so a secrets manager sees no per-request load;
 * - asynchronous connections publish one message per handled request; the request only waits for the broker
 *   to accept it (002 "Async Processing": accept requests fast, process asynchronously).
 */
export interface RoutingPlan {
  mode: "route" | "call";
  /** route mode: pools of connection indices, one per path prefix. */
  pools: number[][];
  /** Health checks take failed targets out of rotation (DNS health checks, load balancer target health). */
  healthChecked: boolean;
  /** Share of reads a CDN answers from its edge cache (002 "Numbers Matter": CDN cache hit rate 80-95 %). */
  edgeHitRate: number;
  /** call mode: synchronous dependencies called on every request. */
  calls: number[];
  caches: number[];
  stores: number[];
  /** Asynchronous connections: one message per handled request. */
  publishes: number[];
  /** Publishes the request waits on until the broker accepts the message: every one except from a queue to its
   * consumers (the queue buffers) and telemetry to observability (agents buffer and drop). */
  acknowledged: number[];
}

const STORE_KINDS = new Set<Component["kind"]>(["database", "nosql-database", "object-storage"]);

function healthChecks(component: Component): boolean {
  if (component.kind === "dns") return component.config.healthChecks;
  if (component.kind === "load-balancer") return component.config.healthCheck.enabled;
  return true;
}

/** Plans for every component, by index in the design; `carries(connectionIndex)` is false for calls that close a loop. */
export function routingPlans(graph: DesignGraph, carries: (connectionIndex: number) => boolean): RoutingPlan[] {
  const { components, connections } = graph.design;
  const componentIndex = new Map(components.map((component, index) => [component.id, index]));
  const outgoing: number[][] = components.map(() => []);
  connections.forEach((connection, index) => {
    if (carries(index)) outgoing[componentIndex.get(connection.source)!].push(index);
  });
  return components.map((component, index) => {
    const plan: RoutingPlan = {
      mode: component.kind === "client" || FORWARDING_KINDS.has(component.kind) ? "route" : "call",
      pools: [],
      healthChecked: healthChecks(component),
      edgeHitRate: component.kind === "cdn" ? component.config.cacheHitRatePercent / 100 : 0,
      calls: [],
      caches: [],
      stores: [],
      publishes: [],
      acknowledged: [],
    };
    const pools = new Map<string, number[]>();
    for (const connectionIndex of outgoing[index]) {
      const connection: Connection = connections[connectionIndex];
      const target = graph.component(connection.target);
      if (connection.protocol === "async") {
        plan.publishes.push(connectionIndex);
        if (component.kind !== "queue" && target.kind !== "observability") plan.acknowledged.push(connectionIndex);
      }
      else if (target.kind === "secrets-manager") continue;
      else if (plan.mode === "route") {
        const key = connection.pathPrefix ?? "";
        const pool = pools.get(key);
        if (pool) pool.push(connectionIndex);
        else pools.set(key, [connectionIndex]);
      } else if (target.kind === "cache") plan.caches.push(connectionIndex);
      else if (STORE_KINDS.has(target.kind)) plan.stores.push(connectionIndex);
      else plan.calls.push(connectionIndex);
    }
    plan.pools = [...pools.values()];
    return plan;
  });
}

/**
 * Components in the order load flows: every caller before its callees (Kahn's algorithm over all connections).
 * Where calls form a loop, the first remaining component in design order is taken next and the calls back into
 * already-placed components carry no simulated load (the sync-call-cycle rule reports such loops).
 */
export function flowOrder(graph: DesignGraph): { order: number[]; carries: (connectionIndex: number) => boolean } {
  const { components, connections } = graph.design;
  const componentIndex = new Map(components.map((component, index) => [component.id, index]));
  const indegree = new Int32Array(components.length);
  const targets: number[][] = components.map(() => []);
  for (const connection of connections) {
    const source = componentIndex.get(connection.source)!;
    const target = componentIndex.get(connection.target)!;
    indegree[target] += 1;
    targets[source].push(target);
  }
  const placed = new Uint8Array(components.length);
  const order: number[] = [];
  const queue: number[] = [];
  const place = (index: number) => {
    placed[index] = 1;
    order.push(index);
    for (const target of targets[index]) {
      indegree[target] -= 1;
      if (indegree[target] === 0 && !placed[target]) queue.push(target);
    }
  };
  for (let index = 0; index < components.length; index += 1) if (indegree[index] === 0) queue.push(index);
  let next = 0;
  let head = 0;
  while (order.length < components.length) {
    while (head < queue.length) {
      const index = queue[head];
      head += 1;
      if (!placed[index]) place(index);
    }
    while (next < components.length && placed[next]) next += 1;
    if (next < components.length) place(next);
  }
  const position = new Int32Array(components.length);
  order.forEach((componentIndexInOrder, rank) => {
    position[componentIndexInOrder] = rank;
  });
  const carries = (connectionIndex: number) => {
    const connection = connections[connectionIndex];
    return position[componentIndex.get(connection.source)!] < position[componentIndex.get(connection.target)!];
  };
  return { order, carries };
}
