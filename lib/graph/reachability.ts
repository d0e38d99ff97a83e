import type { Component, Connection } from "../model";
import type { DesignGraph } from "./design-graph";
import { entryPoints } from "./entry-points";
import { FORWARDING_KINDS } from "./kinds";
import { growTree, type PathTree } from "./path-summary";

/** The result of a breadth-first walk: what was reached, and the tree of the connections that first reached each component. */
export interface Reach extends PathTree {
  reached: ReadonlySet<string>;
}

/**
 * Breadth-first walk over synchronous connections from `starts`. `expand` decides whether the walk goes on
 * past a reached component (a data store is reached but nothing flows through it).
 */
export function walkSync(graph: DesignGraph, starts: readonly Component[], expand: (component: Component) => boolean): Reach {
  const reached = new Set<string>();
  const tree = { parent: new Map<string, Connection>(), depth: new Map<string, number>(), firstHop: new Map<string, Connection>() };
  const queue: string[] = [];
  for (const start of starts) {
    if (reached.has(start.id)) continue;
    reached.add(start.id);
    queue.push(start.id);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (!expand(graph.component(id))) continue;
    for (const connection of graph.syncOutgoing(id)) {
      if (reached.has(connection.target)) continue;
      reached.add(connection.target);
      growTree(tree, connection);
      queue.push(connection.target);
    }
  }
  return { reached, ...tree };
}

/** Components a request from an entry point can reach through synchronous calls: the request paths. */
export function requestPathReach(graph: DesignGraph): Reach {
  return graph.memo("requestPathReach", () => walkSync(graph, entryPoints(graph), () => true));
}

export function isOnRequestPath(graph: DesignGraph, componentId: string): boolean {
  return requestPathReach(graph).reached.has(componentId);
}

export function isClientOrForwarding(component: Component): boolean {
  return component.kind === "client" || FORWARDING_KINDS.has(component.kind);
}

/**
 * Components the internet touches directly: reached from an entry point through clients and forwarding
 * components only. A data store in this set is exposed; one behind a service is not.
 */
export function internetExposure(graph: DesignGraph): Reach {
  return graph.memo("internetExposure", () => walkSync(graph, entryPoints(graph), isClientOrForwarding));
}

/**
 * Every component whose requests depend on `componentId`: its synchronous callers, their callers, and so on.
 * This is who fails with it.
 */
export function blastRadius(graph: DesignGraph, componentId: string): Set<string> {
  const affected = new Set<string>();
  const queue = [componentId];
  for (let head = 0; head < queue.length; head += 1) {
    for (const connection of graph.syncIncoming(queue[head])) {
      if (connection.source === componentId || affected.has(connection.source)) continue;
      affected.add(connection.source);
      queue.push(connection.source);
    }
  }
  return affected;
}
