import type { DesignGraph } from "../graph";
import { capacityRps, componentCapacity, type ComponentCapacity } from "./capacity";
import type { Impact } from "./failures";
import { KB_PER_MS, timeoutShare, waitQuantile } from "./queueing";
import { callSuccess, expectedAttempts } from "./retries";
import { flowOrder, routingPlans, type RoutingPlan } from "./routing";
import type { EntryLoad } from "./types";

/** Load, success and latency of every component and connection, indexed like `design.components` and `design.connections`. */
export interface Flow {
  graph: DesignGraph;
  order: number[];
  plans: RoutingPlan[];
  capacities: ComponentCapacity[];
  impacts: (Impact | undefined)[];
  entryLoads: Map<string, EntryLoad>;
  entries: { index: number; load: EntryLoad }[];
  transferMs: number;
  /** Per component: attempts arriving per second, reads and writes. */
  inRead: Float64Array;
  inWrite: Float64Array;
  capacity: Float64Array;
  /** Share of arriving requests the component itself takes on (the rest is shed or hits a dead component). */
  own: Float64Array;
  utilisation: Float64Array;
  /** Probability that a request arriving here succeeds, including everything it calls. */
  successRead: Float64Array;
  successWrite: Float64Array;
  own50: Float64Array;
  own95: Float64Array;
  /** Median time spent below the component, in its calls. */
  down50: Float64Array;
  /** Share of reads answered by the component's caches or edge cache. */
  hitShare: Float64Array;
  /** Per connection: calls per second (first attempts) and attempts per second (retries included). */
  sentRead: Float64Array;
  sentWrite: Float64Array;
  attemptRead: Float64Array;
  attemptWrite: Float64Array;
  attemptSuccessRead: Float64Array;
  attemptSuccessWrite: Float64Array;
  /** Share of attempts on a connection that fail, weighted by its reads and writes: what its circuit breaker judges. */
  attemptFailure: Float64Array;
  callRead: Float64Array;
  callWrite: Float64Array;
  timedOut: Float64Array;
  callLatency50: Float64Array;
  /** Share of the source's routed requests sent over the connection (route mode). */
  routeWeight: Float64Array;
  breakerOpen: Uint8Array;
  /** Per connection: index of the target component, and the hit rate when the target is a cache. */
  targetOf: Int32Array;
  cacheHitRate: Float64Array;
  /** Per component: its synchronous connections that carry requests, in plan order. */
  syncOut: number[][];
  carries: (connectionIndex: number) => boolean;
  iterations: number;
}

const MAX_ITERATIONS = 200;
/** Summed change of loads (relative to the entry load) and success shares below which the iteration has settled. */
const TOLERANCE = 1e-8;

function createFlow(graph: DesignGraph, impacts: ReadonlyMap<string, Impact>, entryLoads: Map<string, EntryLoad>): Flow {
  const { components, connections } = graph.design;
  const { order, carries } = flowOrder(graph);
  const plans = routingPlans(graph, carries);
  const componentIndex = new Map(components.map((component, index) => [component.id, index]));
  const perComponent = () => new Float64Array(components.length);
  const perConnection = () => new Float64Array(connections.length);
  let totalRps = 0;
  let weightedPayload = 0;
  for (const load of entryLoads.values()) {
    totalRps += load.rps;
    weightedPayload += load.rps * load.payloadKb;
  }
  const flow: Flow = {
    graph,
    order,
    plans,
    capacities: components.map(componentCapacity),
    impacts: components.map((component) => impacts.get(component.id)),
    entryLoads,
    entries: [...entryLoads].map(([id, load]) => ({ index: componentIndex.get(id)!, load })),
    transferMs: totalRps > 0 ? weightedPayload / totalRps / KB_PER_MS : 0,
    inRead: perComponent(),
    inWrite: perComponent(),
    capacity: perComponent(),
    own: perComponent().fill(1),
    utilisation: perComponent(),
    successRead: perComponent().fill(1),
    successWrite: perComponent().fill(1),
    own50: perComponent(),
    own95: perComponent(),
    down50: perComponent(),
    hitShare: perComponent(),
    sentRead: perConnection(),
    sentWrite: perConnection(),
    attemptRead: perConnection(),
    attemptWrite: perConnection(),
    attemptSuccessRead: perConnection().fill(1),
    attemptSuccessWrite: perConnection().fill(1),
    attemptFailure: perConnection(),
    callRead: perConnection().fill(1),
    callWrite: perConnection().fill(1),
    timedOut: perConnection(),
    callLatency50: perConnection(),
    routeWeight: perConnection(),
    breakerOpen: new Uint8Array(connections.length),
    targetOf: Int32Array.from(connections, (connection) => componentIndex.get(connection.target)!),
    cacheHitRate: Float64Array.from(connections, (connection) => {
      const target = graph.component(connection.target);
      return target.kind === "cache" ? target.config.expectedHitRatePercent / 100 : 0;
    }),
    syncOut: plans.map((plan) => (plan.mode === "route" ? plan.pools.flat() : [...plan.calls, ...plan.caches, ...plan.stores])),
    carries,
    iterations: 0,
  };
  assignRouteWeights(flow);
  assumeCachesAnswer(flow);
  return flow;
}

/** Start from healthy caches so the first pass does not flood the data stores behind them. */
function assumeCachesAnswer(flow: Flow): void {
  flow.plans.forEach((plan, index) => {
    if (plan.mode === "route") flow.hitShare[index] = plan.edgeHitRate;
    else for (const connection of plan.caches) flow.hitShare[index] += flow.cacheHitRate[connection] / plan.caches.length;
  });
}

/** Even split over path prefixes; within a pool, health checks leave failed targets out (all of them if none is left). */
function assignRouteWeights(flow: Flow): void {
  flow.plans.forEach((plan) => {
    for (const pool of plan.pools) {
      const alive = plan.healthChecked ? pool.filter((connection) => !flow.impacts[flow.targetOf[connection]]?.failed) : pool;
      const members = alive.length > 0 ? alive : pool;
      for (const connection of members) flow.routeWeight[connection] = 1 / plan.pools.length / members.length;
    }
  });
}

function forward(flow: Flow): void {
  const { connections } = flow.graph.design;
  flow.inRead.fill(0);
  flow.inWrite.fill(0);
  flow.sentRead.fill(0);
  flow.sentWrite.fill(0);
  flow.attemptRead.fill(0);
  flow.attemptWrite.fill(0);
  for (const { index, load } of flow.entries) {
    flow.inRead[index] += load.rps * load.readRatio;
    flow.inWrite[index] += load.rps * (1 - load.readRatio);
  }
  const send = (connection: number, reads: number, writes: number) => {
    flow.sentRead[connection] = reads;
    flow.sentWrite[connection] = writes;
    if (flow.breakerOpen[connection]) return;
    const target = flow.targetOf[connection];
    const attemptReads = reads * expectedAttempts(connections[connection], 1 - flow.attemptSuccessRead[connection]);
    const attemptWrites = writes * expectedAttempts(connections[connection], 1 - flow.attemptSuccessWrite[connection]);
    flow.attemptRead[connection] = attemptReads;
    flow.attemptWrite[connection] = attemptWrites;
    flow.inRead[target] += attemptReads;
    flow.inWrite[target] += attemptWrites;
  };
  for (const index of flow.order) {
    const offered = flow.inRead[index] + flow.inWrite[index];
    const impact = flow.impacts[index];
    const readShare = offered > 0 ? flow.inRead[index] / offered : 1;
    const capacity = impact?.failed ? 0 : capacityRps(flow.capacities[index], readShare, impact?.capacityFactor ?? 1);
    flow.capacity[index] = capacity;
    flow.own[index] = impact?.failed ? 0 : offered > capacity ? capacity / offered : 1;
    flow.utilisation[index] = capacity > 0 ? offered / capacity : 0;
    const reads = flow.inRead[index] * flow.own[index];
    const writes = flow.inWrite[index] * flow.own[index];
    const plan = flow.plans[index];
    if (plan.mode === "route") {
      const missed = reads * (1 - plan.edgeHitRate);
      for (const pool of plan.pools) for (const connection of pool) send(connection, missed * flow.routeWeight[connection], writes * flow.routeWeight[connection]);
    } else {
      for (const connection of plan.calls) send(connection, reads, writes);
      for (const connection of plan.caches) send(connection, reads / plan.caches.length, 0);
      for (const connection of plan.stores) send(connection, reads * (1 - flow.hitShare[index]), writes);
    }
    for (const connection of plan.publishes) {
      const messages = reads + writes;
      flow.sentWrite[connection] = messages;
      flow.attemptWrite[connection] = messages;
      flow.inWrite[flow.targetOf[connection]] += messages;
    }
  }
}

function product(connections: readonly number[], values: Float64Array): number {
  let result = 1;
  for (const connection of connections) result *= values[connection];
  return result;
}

function backward(flow: Flow): void {
  for (let rank = flow.order.length - 1; rank >= 0; rank -= 1) {
    const index = flow.order[rank];
    const plan = flow.plans[index];
    const syncOut = flow.syncOut[index];
    for (const connection of syncOut) updateConnection(flow, connection, flow.targetOf[connection]);

    const capacity = flow.capacities[index];
    const failed = flow.impacts[index]?.failed === true;
    const utilisation = flow.utilisation[index];
    flow.own50[index] = failed ? 0 : capacity.latencyMs + flow.transferMs + waitQuantile(capacity.latencyMs, utilisation, 0.5);
    flow.own95[index] = failed ? 0 : capacity.latencyMs + flow.transferMs + waitQuantile(capacity.latencyMs, utilisation, 0.95);

    let own = flow.own[index];
    for (const connection of plan.acknowledged) own *= flow.own[flow.targetOf[connection]];
    const offered = flow.inRead[index] + flow.inWrite[index];
    const readShare = offered > 0 ? flow.inRead[index] / offered : 1;
    if (plan.mode === "route") {
      let downRead = plan.pools.length === 0 ? 1 : 0;
      let downWrite = plan.pools.length === 0 ? 1 : 0;
      let latency = 0;
      for (const connection of syncOut) {
        downRead += flow.routeWeight[connection] * flow.callRead[connection];
        downWrite += flow.routeWeight[connection] * flow.callWrite[connection];
        latency += flow.routeWeight[connection] * flow.callLatency50[connection];
      }
      flow.hitShare[index] = plan.edgeHitRate;
      flow.successRead[index] = own * (plan.edgeHitRate + (1 - plan.edgeHitRate) * downRead);
      flow.successWrite[index] = own * downWrite;
      flow.down50[index] = (1 - plan.edgeHitRate * readShare) * latency;
      continue;
    }
    let hitShare = 0;
    let cacheLatency = 0;
    for (const connection of plan.caches) {
      hitShare += (flow.cacheHitRate[connection] * flow.callRead[connection]) / plan.caches.length;
      cacheLatency += flow.callLatency50[connection] / plan.caches.length;
    }
    flow.hitShare[index] = hitShare;
    const storesRead = product(plan.stores, flow.callRead);
    const readAnswered = hitShare + (1 - hitShare) * storesRead;
    flow.successRead[index] = own * product(plan.calls, flow.callRead) * readAnswered;
    flow.successWrite[index] = own * product(plan.calls, flow.callWrite) * product(plan.stores, flow.callWrite);
    let latency = cacheLatency * readShare;
    for (const connection of plan.calls) latency += flow.callLatency50[connection];
    const missMix = readShare * (1 - hitShare) + (1 - readShare);
    for (const connection of plan.stores) latency += missMix * flow.callLatency50[connection];
    flow.down50[index] = latency;
  }
}

/** Timeouts, attempt success, the circuit breaker and the call's success for one synchronous connection. */
function updateConnection(flow: Flow, connection: number, target: number): void {
  const definition = flow.graph.design.connections[connection];
  const serviceMs = flow.capacities[target].latencyMs;
  const fixedMs = serviceMs + flow.transferMs + flow.down50[target];
  const timedOut = flow.impacts[target]?.failed ? 0 : timeoutShare(serviceMs, flow.utilisation[target], fixedMs, definition.timeoutMs);
  const readSuccess = flow.successRead[target] * (1 - timedOut);
  const writeSuccess = flow.successWrite[target] * (1 - timedOut);
  flow.timedOut[connection] = timedOut;
  flow.attemptSuccessRead[connection] = readSuccess;
  flow.attemptSuccessWrite[connection] = writeSuccess;
  const sent = flow.sentRead[connection] + flow.sentWrite[connection];
  const failure = sent > 0 ? 1 - (flow.sentRead[connection] * readSuccess + flow.sentWrite[connection] * writeSuccess) / sent : 1 - readSuccess;
  flow.attemptFailure[connection] = failure;
  // Once open, a breaker stays open for the run: its trial requests would meet the same failing callee (002 "Circuit Breaker").
  if (definition.circuitBreaker.enabled && failure * 100 >= definition.circuitBreaker.failureThresholdPercent) flow.breakerOpen[connection] = 1;
  const open = flow.breakerOpen[connection] === 1;
  flow.callRead[connection] = open ? 0 : callSuccess(definition, readSuccess);
  flow.callWrite[connection] = open ? 0 : callSuccess(definition, writeSuccess);
  const response = flow.own50[target] + flow.down50[target];
  flow.callLatency50[connection] = open ? 0 : Math.min(definition.timeoutMs ?? Infinity, response);
}

function distance(previous: Float64Array, next: Float64Array): number {
  let total = 0;
  for (let index = 0; index < next.length; index += 1) total += Math.abs(next[index] - previous[index]);
  return total;
}

/**
 * Load depends on retries, retries on failures, failures on load: iterate forward (load) and backward
 * (success and latency) passes until nothing moves. Without breakers both passes only grow worse from the
 * all-healthy start; a breaker that opens lowers load once and then stays open, so the iteration still settles,
 * and MAX_ITERATIONS bounds it regardless.
 */
export function runFlow(graph: DesignGraph, impacts: ReadonlyMap<string, Impact>, entryLoads: Map<string, EntryLoad>): Flow {
  const flow = createFlow(graph, impacts, entryLoads);
  let scale = 1;
  for (const load of entryLoads.values()) scale += load.rps;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const previousRead = flow.inRead.slice();
    const previousWrite = flow.inWrite.slice();
    const previousSuccess = flow.successRead.slice();
    const previousSuccessWrite = flow.successWrite.slice();
    forward(flow);
    backward(flow);
    flow.iterations = iteration + 1;
    const moved =
      (distance(previousRead, flow.inRead) + distance(previousWrite, flow.inWrite)) / scale +
      distance(previousSuccess, flow.successRead) +
      distance(previousSuccessWrite, flow.successWrite);
    if (iteration > 0 && moved < TOLERANCE) break;
  }
  return flow;
}
