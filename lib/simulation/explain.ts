import type { DesignGraph } from "../graph";
import { autoscaledInstances } from "./capacity";
import type { Flow } from "./flow";
import { formatMs, formatNumber, formatPercent, unitLabel } from "./format";
import type { PathDetail } from "./paths";
import type { ComponentLoad, SimulationFailure, SimulationResult } from "./types";

/** Explanations name this many paths, and this many components hit by a drill, before summing up the rest. */
const MAX_PATH_LINES = 8;
const MAX_IMPACT_LINES = 12;

export interface ExplainInput {
  flow: Flow;
  /** The same design under normal load without drills, to say what changed; absent when nothing was drilled. */
  baseline?: Flow;
  failures: readonly SimulationFailure[];
  loadMultiplier: number;
  components: Record<string, ComponentLoad>;
  paths: PathDetail[];
  bottleneck: SimulationResult["bottleneck"];
  availability: number;
}

function names(graph: DesignGraph, ids: readonly string[]): string {
  const list = ids.map((id) => graph.name(id));
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/** The first `max` lines, then one line saying how many more there are. */
function capped(lines: string[], max: number, more: (count: number) => string): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), more(lines.length - max)];
}

function offered(flow: Flow, index: number): number {
  return flow.inRead[index] + flow.inWrite[index];
}

function drillLines(input: ExplainInput): string[] {
  const { flow } = input;
  const { graph } = flow;
  const lines: string[] = [];
  if (input.loadMultiplier !== 1 && input.baseline) {
    let before = 0;
    for (const load of input.baseline.entryLoads.values()) before += load.rps;
    let after = 0;
    for (const load of flow.entryLoads.values()) after += load.rps;
    lines.push(`Traffic ×${formatNumber(input.loadMultiplier)}: the entry points send ${formatNumber(after)} requests/s instead of ${formatNumber(before)}.`);
  }
  for (const failure of input.failures) {
    if (failure.type === "component") continue;
    const zone = graph.zones.get(failure.zoneId);
    if (zone) lines.push(`${failure.type === "region" ? "Region" : "Zone"} ${zone.name} fails.`);
  }
  const impacts = flow.impacts.filter((impact) => impact !== undefined);
  for (const impact of impacts.slice(0, MAX_IMPACT_LINES)) lines.push(`${impact.reason}.`);
  if (impacts.length > MAX_IMPACT_LINES) {
    const down = impacts.slice(MAX_IMPACT_LINES).filter((impact) => impact.failed).length;
    lines.push(`${impacts.length - MAX_IMPACT_LINES} more components are hit: ${down} go down, ${impacts.length - MAX_IMPACT_LINES - down} survive.`);
  }
  return lines;
}

/** Cache-aside: when a cache is down or cut off, its reads fall through to the data stores behind the caller. */
function fallbackLines(input: ExplainInput): string[] {
  const { flow, baseline } = input;
  const { graph } = flow;
  const { connections, components } = graph.design;
  const componentIndex = new Map(components.map((component, index) => [component.id, index]));
  const lines: string[] = [];
  components.forEach((cache, cacheIndex) => {
    if (cache.kind !== "cache") return;
    const down = flow.impacts[cacheIndex]?.failed === true;
    const stores = new Set<number>();
    let cutOff = false;
    flow.plans.forEach((plan) => {
      for (const connection of plan.caches) {
        if (connections[connection].target !== cache.id) continue;
        if (!down && flow.breakerOpen[connection] !== 1) continue;
        cutOff ||= flow.breakerOpen[connection] === 1;
        for (const store of plan.stores) stores.add(componentIndex.get(connections[store].target)!);
      }
    });
    if (stores.size === 0) return;
    const parts = [...stores].map((store) => {
      const unit = unitLabel(flow.capacities[store].unit);
      const now = offered(flow, store);
      const before = baseline ? offered(baseline, store) : undefined;
      const capacity = flow.capacity[store];
      const rise = before === undefined ? `takes ${formatNumber(now)} ${unit}` : `rises from ${formatNumber(before)} to ${formatNumber(now)} ${unit}`;
      const verdict = capacity <= 0 ? "but it is down too" : now > capacity ? `above its ${formatNumber(capacity)} ${unit} capacity` : `within its ${formatNumber(capacity)} ${unit} capacity`;
      return `${components[store].name}, whose load ${rise}, ${verdict}`;
    });
    lines.push(`${cache.name} ${down ? "down" : "cut off by a circuit breaker"}: cache-aside falls back to ${parts.join("; and to ")}.`);
  });
  return lines;
}

function failedComponentLines(input: ExplainInput): string[] {
  const { flow } = input;
  const { graph } = flow;
  const { connections, components } = graph.design;
  const componentIndex = new Map(components.map((component, index) => [component.id, index]));
  const lines: string[] = [];
  components.forEach((component, index) => {
    if (!flow.impacts[index]?.failed || component.kind === "cache") return;
    flow.plans.forEach((plan, callerIndex) => {
      const caller = components[callerIndex];
      if (plan.mode === "route") {
        for (const pool of plan.pools) {
          if (!pool.some((connection) => connections[connection].target === component.id)) continue;
          const alive = pool.filter((connection) => !flow.impacts[componentIndex.get(connections[connection].target)!]?.failed);
          if (plan.healthChecked && alive.length > 0) {
            lines.push(`${caller.name} health checks take ${component.name} out of rotation and route to ${names(graph, alive.map((connection) => connections[connection].target))}.`);
          } else if (offered(flow, callerIndex) > 0) {
            const lost = pool.filter((connection) => connections[connection].target === component.id).reduce((sum, connection) => sum + flow.sentRead[connection] + flow.sentWrite[connection], 0);
            lines.push(`${caller.name} has nowhere else to send ${formatNumber(lost)} requests/s meant for ${component.name}: they fail.`);
          }
        }
        return;
      }
      for (const connection of [...plan.calls, ...plan.stores]) {
        if (connections[connection].target !== component.id || flow.breakerOpen[connection] === 1) continue;
        const calls = flow.sentRead[connection] + flow.sentWrite[connection];
        if (calls > 0) lines.push(`${caller.name} needs ${component.name} for ${formatNumber(calls)} calls/s: they fail, and so do the requests that made them.`);
      }
      for (const connection of plan.acknowledged) {
        const messages = flow.sentWrite[connection];
        if (connections[connection].target === component.id && messages > 0) {
          lines.push(`${caller.name} cannot publish ${formatNumber(messages)} messages/s to ${component.name}: the requests that publish them fail.`);
        }
      }
    });
  });
  return lines;
}

function connectionLines(input: ExplainInput): string[] {
  const { flow } = input;
  const { graph } = flow;
  const lines: string[] = [];
  graph.design.connections.forEach((connection, index) => {
    const caller = graph.name(connection.source);
    const callee = graph.name(connection.target);
    const calls = flow.sentRead[index] + flow.sentWrite[index];
    if (flow.breakerOpen[index] === 1) {
      const failing = flow.attemptFailure[index];
      lines.push(
        `${caller}'s circuit breaker on ${callee} opens (${formatPercent(Math.min(1, failing))} of calls fail, threshold ${connection.circuitBreaker.failureThresholdPercent} %): ` +
          `it sheds ${formatNumber(calls)} calls/s and fails fast instead of waiting.`,
      );
      return;
    }
    const attempts = flow.attemptRead[index] + flow.attemptWrite[index];
    if (connection.retry.enabled && calls > 0 && attempts >= calls * 1.05) {
      lines.push(
        `${caller} retries failing calls to ${callee} up to ${connection.retry.maxRetries} times: ${formatNumber(calls)} calls/s become ` +
          `${formatNumber(attempts)} attempts/s (×${formatNumber(attempts / calls)}), adding load to a hop that is already failing.`,
      );
    }
    if (flow.timedOut[index] > 0.001 && calls > 0 && connection.timeoutMs !== undefined) {
      lines.push(`${caller} gives up on ${callee} after ${formatMs(connection.timeoutMs)}: ${formatPercent(flow.timedOut[index])} of attempts time out and become errors.`);
    }
  });
  return lines;
}

function capacityLines(input: ExplainInput): string[] {
  const { flow, baseline } = input;
  const { graph } = flow;
  const lines: string[] = [];
  // Most utilised first, so the lines kept when there are many are the ones that matter.
  const byUtilisation = graph.design.components.map((component, index) => ({ component, index })).sort((a, b) => flow.utilisation[b.index] - flow.utilisation[a.index]);
  byUtilisation.forEach(({ component, index }) => {
    const load = input.components[component.id];
    const capacity = flow.capacities[index];
    const unit = unitLabel(capacity.unit);
    const scaled = autoscaledInstances(capacity, load.offeredRps);
    if (load.status === "overloaded") {
      const before = baseline ? offered(baseline, index) : undefined;
      const rise = before !== undefined && before < load.offeredRps * 0.99 ? ` (up from ${formatNumber(before)})` : "";
      const instances = capacity.autoscaling
        ? `autoscaled to its maximum of ${capacity.autoscaling.max} instances × ${formatNumber(capacity.perInstance)}`
        : capacity.instances > 1 || capacity.readReplicas > 0
          ? `${capacity.instances + capacity.readReplicas} instances`
          : `one instance`;
      lines.push(
        `${component.name} is overloaded: ${formatNumber(load.offeredRps)} ${unit} offered${rise} against a capacity of ` +
          `${formatNumber(load.capacityRps)} ${unit} (${instances}); ${formatNumber(load.offeredRps - load.capacityRps)} ${unit} are rejected.`,
      );
    } else if (capacity.autoscaling && scaled !== undefined) {
      const before = baseline ? autoscaledInstances(capacity, offered(baseline, index)) : undefined;
      if (scaled === capacity.autoscaling.max && load.status === "busy") {
        lines.push(`${component.name} runs at its autoscaling maximum of ${scaled} instances: ${formatPercent(load.utilisation)} of the capacity they give.`);
      } else if (before !== undefined && scaled > before) {
        lines.push(
          `Autoscaling takes ${component.name} from ${before} to ${scaled} instances (bounds ${capacity.autoscaling.min}–${capacity.autoscaling.max}) ` +
            `to keep CPU near ${capacity.autoscaling.targetPercent} % at ${formatNumber(load.offeredRps)} ${unit}.`,
        );
      }
    }
  });
  return lines;
}

function pathLines(input: ExplainInput): string[] {
  const { flow } = input;
  const { graph } = flow;
  const troubled = input.paths.filter((path) => path.outcome !== "healthy");
  const lines = troubled.slice(0, MAX_PATH_LINES).map((path) => {
    const route = path.componentIds.map((id) => graph.name(id)).join(" → ");
    const worst = path.hops.reduce((min, hop) => (hop.success < min.success ? hop : min), path.hops[0]);
    const at = worst && worst.success < 1 ? ` at ${graph.name(worst.componentId)}` : "";
    if (path.outcome === "broken") return `Path ${route} is broken: ${formatPercent(path.errorRate)} of its requests fail${at}.`;
    const fallback = path.hops.find((hop) => hop.fellBack);
    const failing = `${formatPercent(path.errorRate)} of its requests fail${at}`;
    const why = fallback
      ? `it falls back past ${graph.name(fallback.componentId)} to the data stores (cache-aside)${path.errorRate >= 0.001 ? `, and ${failing}` : ""}`
      : failing;
    return `Path ${route} is degraded: ${why}; p95 ${formatMs(path.p95Ms)}.`;
  });
  if (troubled.length > MAX_PATH_LINES) lines.push(`${troubled.length - MAX_PATH_LINES} more paths are degraded or broken.`);
  const drilled = input.failures.length > 0 || input.loadMultiplier !== 1;
  const healthy = input.paths.length - troubled.length;
  if (drilled && input.paths.length > 0) lines.push(`${healthy} of ${input.paths.length} request paths stay healthy.`);
  return lines;
}

/** Everything the run shows, in words, with the design's own names and the run's numbers. */
export function explain(input: ExplainInput): string[] {
  const { flow } = input;
  const lines = [
    ...drillLines(input),
    ...fallbackLines(input),
    ...capped(failedComponentLines(input), MAX_IMPACT_LINES, (count) => `${count} more calls fail with the components that are down.`),
    ...capped(connectionLines(input), MAX_IMPACT_LINES, (count) => `${count} more connections retry, time out or trip their breaker.`),
    ...capped(capacityLines(input), MAX_IMPACT_LINES, (count) => `${count} more components are overloaded or rescaled.`),
    ...pathLines(input),
  ];
  if (input.bottleneck) {
    const index = flow.graph.design.components.findIndex((component) => component.id === input.bottleneck!.componentId);
    const load = input.components[input.bottleneck.componentId];
    const unit = unitLabel(flow.capacities[index].unit);
    lines.push(
      `Bottleneck: ${flow.graph.name(input.bottleneck.componentId)} at ${formatPercent(input.bottleneck.utilisation)} of its capacity ` +
        `(${formatNumber(load.offeredRps)} of ${formatNumber(load.capacityRps)} ${unit}).`,
    );
  }
  let entering = 0;
  for (const load of flow.entryLoads.values()) entering += load.rps;
  lines.push(`Availability: ${formatPercent(input.availability)} of the ${formatNumber(entering)} requests/s entering succeed.`);
  return lines;
}
