import type { ComponentKind } from "../catalog";
import type { Component, Connection } from "../model";
import type { DesignGraph } from "./design-graph";
import { entryPoints } from "./entry-points";
import { growTree, summarisePath, type PathSummary } from "./path-summary";
import { isClientOrForwarding } from "./reachability";

/**
 * A topology requirement in the style of checkov's ALBProtectedByWAF: the first component of `kinds` that
 * internet traffic meets must already have passed a component matching `by`.
 */
export interface FrontingRequirement {
  kinds: readonly ComponentKind[];
  by: readonly ComponentKind[] | ((component: Component) => boolean);
}

export interface UnprotectedTraffic {
  /** Clients and forwarding components that carry traffic which has not passed `by` yet. */
  carriers: ReadonlySet<string>;
  /** Components of `kinds` that such traffic reaches, in design order, each with one path from an entry point, named in constant size. */
  exposed: { component: Component; path: PathSummary }[];
}

function matcher(by: FrontingRequirement["by"]): (component: Component) => boolean {
  if (typeof by === "function") return by;
  const kinds = new Set<string>(by);
  return (component) => kinds.has(component.kind);
}

/** Follow internet traffic from the entry points until it passes `by` or meets one of `kinds`. */
export function unprotectedTraffic(graph: DesignGraph, requirement: FrontingRequirement): UnprotectedTraffic {
  const isBy = matcher(requirement.by);
  const kinds = new Set<string>(requirement.kinds);
  const carriers = new Set<string>();
  const tree = { parent: new Map<string, Connection>(), depth: new Map<string, number>(), firstHop: new Map<string, Connection>() };
  const seen = new Set<string>();
  const reachedKinds: Component[] = [];
  const queue: Component[] = [];

  const visit = (component: Component, via: Connection | undefined) => {
    if (seen.has(component.id) || isBy(component)) return;
    seen.add(component.id);
    if (via) growTree(tree, via);
    if (kinds.has(component.kind)) reachedKinds.push(component);
    else if (isClientOrForwarding(component)) {
      carriers.add(component.id);
      queue.push(component);
    }
  };

  for (const entry of entryPoints(graph)) visit(entry, undefined);
  for (let head = 0; head < queue.length; head += 1) {
    for (const connection of graph.syncOutgoing(queue[head].id)) visit(graph.component(connection.target), connection);
  }
  const position = new Map(graph.design.components.map((component, index) => [component.id, index]));
  reachedKinds.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const exposed = reachedKinds.map((component) => ({ component, path: summarisePath(tree, component.id) }));
  return { carriers, exposed };
}

/** Components of `kinds` that internet traffic reaches without passing `by`; an empty list means the requirement holds. */
export function mustBeFrontedBy(graph: DesignGraph, requirement: FrontingRequirement): UnprotectedTraffic["exposed"] {
  return unprotectedTraffic(graph, requirement).exposed;
}
