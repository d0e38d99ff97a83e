import type { Connection } from "../model";

/**
 * The tree a breadth-first walk from the entry points leaves behind: for every reached component, the
 * connection that reached it, how many hops from its entry point it is, and the first hop of that path.
 * Enough to name any component's path in constant time and space.
 */
export interface PathTree {
  parent: ReadonlyMap<string, Connection>;
  depth: ReadonlyMap<string, number>;
  firstHop: ReadonlyMap<string, Connection>;
}

/** Hops of a path named by itself; longer paths keep their first hop and their last NAMED_HOPS - 1 hops. */
export const NAMED_HOPS = 4;

/** A path from an entry point, named in constant size. */
export interface PathSummary {
  /** Number of hops of the whole path. */
  length: number;
  /** First hop first: every hop when `length` ≤ NAMED_HOPS, else the first hop and the last NAMED_HOPS - 1. */
  hops: Connection[];
}

/** Records that `connection` reached its target, one hop further than its source, as walks build a PathTree. */
export function growTree(
  tree: { parent: Map<string, Connection>; depth: Map<string, number>; firstHop: Map<string, Connection> },
  connection: Connection,
): void {
  tree.parent.set(connection.target, connection);
  tree.depth.set(connection.target, (tree.depth.get(connection.source) ?? 0) + 1);
  tree.firstHop.set(connection.target, tree.firstHop.get(connection.source) ?? connection);
}

/** The path from an entry point to `componentId` along the tree, in constant size whatever its length. */
export function summarisePath(tree: PathTree, componentId: string): PathSummary {
  const length = tree.depth.get(componentId) ?? 0;
  const kept = length <= NAMED_HOPS ? length : NAMED_HOPS - 1;
  const hops: Connection[] = [];
  for (let connection = tree.parent.get(componentId); connection && hops.length < kept; connection = tree.parent.get(connection.source)) hops.push(connection);
  hops.reverse();
  const first = tree.firstHop.get(componentId);
  if (length > NAMED_HOPS && first) hops.unshift(first);
  return { length, hops };
}
