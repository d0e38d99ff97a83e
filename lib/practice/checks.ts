import type { ComponentKind } from "../catalog";
import { instanceFloor, mustBeFrontedBy, requestPathReach, type DesignGraph } from "../graph";
import type { Component, ComponentOf, Connection } from "../model";
import type { Check, CheckResult, Role } from "./types";

/*
 * Rubric checks: small predicates over the design graph, built on the same lib/graph helpers as the rules.
 * Every check demands that the parts it talks about exist, so a blank canvas fails all of them.
 */

export function role(label: string, kinds: readonly ComponentKind[], name?: RegExp): Role {
  return name ? { label, kinds, name } : { label, kinds };
}

export function playsRole(component: Component, target: Role): boolean {
  return target.kinds.includes(component.kind) && (target.name === undefined || target.name.test(component.name));
}

/** Components anywhere in the design that play the role. */
export function componentsIn(graph: DesignGraph, target: Role): Component[] {
  return graph.design.components.filter((component) => playsRole(component, target));
}

/** Components playing the role that a request from an entry point reaches through synchronous calls. */
export function onRequestPath(graph: DesignGraph, target: Role): Component[] {
  const reached = requestPathReach(graph).reached;
  return componentsIn(graph, target).filter((component) => reached.has(component.id));
}

function names(components: readonly Component[]): string {
  return components.map((component) => component.name).join(", ");
}

function pass(detail: string): CheckResult {
  return { passed: true, detail };
}

function fail(detail: string): CheckResult {
  return { passed: false, detail };
}

function missing(target: Role, where = "in the design"): CheckResult {
  return fail(`No ${target.label} ${where}${target.name ? ` (a ${target.kinds.join(" or ")} named like ${target.name.source.replace(/\|/g, " / ")})` : ""}.`);
}

/** Requests from a client reach the role. */
export function reachable(target: Role): Check {
  return (graph) => {
    const reached = onRequestPath(graph, target);
    return reached.length > 0 ? pass(`Requests reach ${names(reached)}.`) : missing(target, "on a request path from a client");
  };
}

/** Some component of `from` on a request path calls some component of `to` synchronously. */
export function calls(from: Role, to: Role): Check {
  return (graph) => {
    const callers = onRequestPath(graph, from);
    if (callers.length === 0) return missing(from, "on a request path from a client");
    for (const caller of callers) {
      const callee = graph.syncOutgoing(caller.id).map((connection) => graph.component(connection.target)).find((component) => playsRole(component, to));
      if (callee) return pass(`${caller.name} calls ${callee.name}.`);
    }
    return fail(`${names(callers)} ${callers.length === 1 ? "does" : "do"} not call ${to.label}.`);
  };
}

/** Every request that reaches the role from the internet has passed a component of `guard` first. */
export function frontedBy(target: Role, guard: Role): Check {
  return (graph) => {
    const reached = onRequestPath(graph, target);
    if (reached.length === 0) return missing(target, "on a request path from a client");
    const exposed = mustBeFrontedBy(graph, { kinds: target.kinds, by: (component) => playsRole(component, guard) })
      .map(({ component }) => component)
      .filter((component) => playsRole(component, target));
    if (exposed.length > 0) return fail(`Requests reach ${names(exposed)} without passing ${guard.label}.`);
    const guards = onRequestPath(graph, guard);
    if (guards.length === 0) return missing(guard, "on a request path from a client");
    return pass(`Requests pass ${names(guards)} before ${names(reached)}.`);
  };
}

/** Some component of `producer` hands messages to a queue that a component of `consumer` reads. */
export function asyncVia(producer: Role, consumer: Role): Check {
  return (graph) => {
    const producers = componentsIn(graph, producer);
    if (producers.length === 0) return missing(producer);
    for (const source of producers) {
      for (const hop of graph.outgoing(source.id)) {
        const queue = graph.component(hop.target);
        if (queue.kind !== "queue" || hop.protocol !== "async") continue;
        const reader = graph
          .outgoing(queue.id)
          .map((connection) => graph.component(connection.target))
          .find((component) => playsRole(component, consumer));
        if (reader) return pass(`${source.name} publishes to ${queue.name}; ${reader.name} consumes it.`);
      }
    }
    return fail(`No queue carries messages from ${producer.label} to ${consumer.label}.`);
  };
}

/** Every component playing the role satisfies `predicate`; at least one must exist. */
export function configured<K extends ComponentKind>(target: Role & { kinds: readonly K[] }, requirement: string, predicate: (component: ComponentOf<K>) => boolean): Check {
  return (graph) => {
    const found = componentsIn(graph, target) as ComponentOf<K>[];
    if (found.length === 0) return missing(target);
    const failing = found.filter((component) => !predicate(component));
    return failing.length === 0 ? pass(`${names(found)}: ${requirement}.`) : fail(`${names(failing)}: not ${requirement}.`);
  };
}

/** Everything reachable from `ids` by following `next`, the starting ids included. */
function closure(ids: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(ids);
  const queue = [...ids];
  for (let head = 0; head < queue.length; head += 1) {
    for (const id of next(queue[head])) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}

/** Components whose requests go through or depend on `ids`: their synchronous callers up to the entry points, and their callees. */
function dependencyChain(graph: DesignGraph, ids: readonly string[]): Set<string> {
  const callers = closure(ids, (id) => graph.syncIncoming(id).map((connection) => connection.source));
  const callees = closure(ids, (id) => graph.syncOutgoing(id).map((connection) => connection.target));
  return new Set([...callers, ...callees]);
}

/** The role is on a request path, and nothing it depends on synchronously (callers or callees) runs as one instance. */
export function noSinglePointOfFailure(target: Role): Check {
  return (graph) => {
    const reached = onRequestPath(graph, target);
    if (reached.length === 0) return missing(target, "on a request path from a client");
    const chain = dependencyChain(graph, reached.map((component) => component.id));
    const single = graph.design.components.filter((component) => chain.has(component.id) && instanceFloor(component) === 1);
    if (single.length > 0) return fail(`${names(single)} ${single.length === 1 ? "runs" : "run"} as a single instance on the path of ${names(reached)}.`);
    return pass(`Everything ${names(reached)} depends on runs with at least two instances or as a managed, redundant service.`);
  };
}

/** Every service and worker sends telemetry to an observability component. */
export function everyWorkloadObserved(): Check {
  return (graph) => {
    const workloads = graph.design.components.filter((component) => component.kind === "service" || component.kind === "worker");
    if (workloads.length === 0) return fail("No services or workers to observe.");
    const silent = workloads.filter((workload) => !graph.outgoing(workload.id).some((connection) => graph.component(connection.target).kind === "observability"));
    if (silent.length > 0) return fail(`${names(silent)} ${silent.length === 1 ? "sends" : "send"} no logs, metrics or traces to an observability stack.`);
    return pass(`All ${workloads.length} workloads report to observability.`);
  };
}

/** All of the checks hold; the detail lists the first that does not. */
export function allOf(...checks: Check[]): Check {
  return (graph) => {
    const details: string[] = [];
    for (const check of checks) {
      const result = check(graph);
      if (!result.passed) return result;
      details.push(result.detail);
    }
    return pass(details.join(" "));
  };
}

/** Some call from `from` to `to` exists, and every such call meets the requirement (circuit breaker, retries, ...). */
export function callsWith(from: Role, to: Role, requirement: string, predicate: (connection: Connection) => boolean): Check {
  return (graph) => {
    const found = componentsIn(graph, from).flatMap((caller) =>
      graph.outgoing(caller.id).filter((connection) => playsRole(graph.component(connection.target), to)),
    );
    if (found.length === 0) return fail(`${capitalise(from.label)} does not call ${to.label}.`);
    const failing = found.filter((connection) => !predicate(connection));
    const describe = (connection: Connection) => `${graph.name(connection.source)} → ${graph.name(connection.target)}`;
    return failing.length === 0 ? pass(`${found.map(describe).join(", ")}: ${requirement}.`) : fail(`${failing.map(describe).join(", ")}: no ${requirement}.`);
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
