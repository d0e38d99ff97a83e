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

/** One retrying hop of a chain and where it sits in it (0 for the first retrying hop). */
export interface RetryingHop {
  connection: Connection;
  position: number;
}

/** How many of a chain's retrying hops are kept by name: enough to show and highlight, bounded whatever the chain's length. */
export const WORST_HOPS_KEPT = 8;

/** A chain of retrying hops summarised in constant size: its first hop, its length and its worst hops. */
export interface RetryingChain {
  /** Number of retrying hops. */
  length: number;
  first: Connection;
  /** The hops with the most retries (earlier hops first on ties), at most WORST_HOPS_KEPT, in path order. */
  worst: readonly RetryingHop[];
}

export interface Amplification {
  /** The most attempts one request from an entry point can make on this component. */
  factor: number;
  /** The last retrying connection on the path that produces `factor`. */
  lastRetrying?: Connection;
  /** The retrying hops on that path, summarised; absent when none retries. */
  chain?: RetryingChain;
}

/** Ranks hops worst first: more retries, then earlier in the chain. */
function worse(a: RetryingHop, b: RetryingHop): boolean {
  return a.connection.retry.maxRetries !== b.connection.retry.maxRetries ? a.connection.retry.maxRetries > b.connection.retry.maxRetries : a.position < b.position;
}

/** The `count` worst hops of a chain (at most WORST_HOPS_KEPT), in path order. */
export function worstHops(chain: RetryingChain, count: number): RetryingHop[] {
  return chain.worst.filter((hop) => chain.worst.filter((other) => worse(other, hop)).length < count);
}

/** The chain `chain` followed by the retrying hop `connection`, in constant time and space. */
export function extendChain(chain: RetryingChain | undefined, connection: Connection): RetryingChain {
  const hop = { connection, position: chain?.length ?? 0 };
  if (!chain) return { length: 1, first: connection, worst: [hop] };
  let worst = [...chain.worst, hop];
  if (worst.length > WORST_HOPS_KEPT) {
    let mildest = 0;
    for (let index = 1; index < worst.length; index += 1) if (worse(worst[mildest], worst[index])) mildest = index;
    worst = worst.filter((_, index) => index !== mildest);
  }
  return { length: chain.length + 1, first: chain.first, worst };
}

/**
 * Worst retry multiplication arriving at every component, by dynamic programming over the synchronous DAG
 * in topological order: factor(callee) = max over callers of factor(caller) × attempts(connection). The
 * retrying hops of the worst path travel along as a constant-size summary, so the whole is linear in the
 * size of the design: no path is enumerated or copied.
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
          best.set(
            connection.target,
            isRetrying(connection)
              ? { factor, lastRetrying: connection, chain: extendChain(here.chain, connection) }
              : { factor, lastRetrying: here.lastRetrying, chain: here.chain },
          );
        }
      }
    }
    return best;
  });
}
