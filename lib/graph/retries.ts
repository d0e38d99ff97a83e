import type { Connection } from "../model";
import type { DesignGraph } from "./design-graph";
import { isInsideCycle, syncTopologicalOrder } from "./cycles";

/** How many times one call over this connection can reach the callee: the first attempt plus retries. */
export function attemptsOf(connection: Connection): number {
  return connection.retry.enabled ? 1 + connection.retry.maxRetries : 1;
}

export function isRetrying(connection: Connection): boolean {
  return attemptsOf(connection) > 1;
}

export interface Amplification {
  /** The most attempts one request from an entry point can make on this component. */
  factor: number;
  /** The last retrying connection on the path that produces `factor`, so its retrying hops can be listed without walking the whole path. */
  lastRetrying?: Connection;
}

/**
 * Worst retry multiplication arriving at every component, by dynamic programming over the synchronous DAG
 * in topological order: factor(callee) = max over callers of factor(caller) × attempts(connection). Linear in
 * the size of the design, no path enumeration.
 */
export function retryAmplification(graph: DesignGraph): ReadonlyMap<string, Amplification> {
  return graph.memo("retryAmplification", () => {
    const best = new Map<string, Amplification>();
    for (const id of syncTopologicalOrder(graph)) {
      const here = best.get(id) ?? { factor: 1 };
      if (!best.has(id)) best.set(id, here);
      for (const connection of graph.syncOutgoing(id)) {
        if (isInsideCycle(graph, id, connection.target)) continue;
        const factor = here.factor * attemptsOf(connection);
        const current = best.get(connection.target);
        if (!current || factor > current.factor) {
          best.set(connection.target, { factor, lastRetrying: isRetrying(connection) ? connection : here.lastRetrying });
        }
      }
    }
    return best;
  });
}

/** The retrying connections on the worst path into `componentId`, first hop first; one step per retrying hop. */
export function retryingChainInto(graph: DesignGraph, componentId: string): Connection[] {
  const amplification = retryAmplification(graph);
  const chain: Connection[] = [];
  const seen = new Set<string>();
  for (let hop = amplification.get(componentId)?.lastRetrying; hop && !seen.has(hop.id); hop = amplification.get(hop.source)?.lastRetrying) {
    chain.unshift(hop);
    seen.add(hop.id);
  }
  return chain;
}
