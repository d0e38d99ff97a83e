import type { Connection } from "../model";
import type { DesignGraph } from "./design-graph";
import { entryPoints } from "./entry-points";

export interface RequestPathOptions {
  /** Stop after this many paths; the number of paths can grow exponentially with the design. */
  maxPaths?: number;
  /** Longest path followed, in hops. */
  maxLength?: number;
}

export interface RequestPaths {
  paths: Connection[][];
  /** True when `maxPaths` cut the enumeration short. */
  truncated: boolean;
}

/**
 * Synchronous request paths from each entry point to where they end (a component with no synchronous
 * calls, or the point where a path would revisit a component). Depth-first with an explicit stack and a cap:
 * meant for showing paths, never for analysis, which uses linear walks instead.
 */
export function requestPaths(graph: DesignGraph, options: RequestPathOptions = {}): RequestPaths {
  const maxPaths = options.maxPaths ?? 100;
  const maxLength = options.maxLength ?? 64;
  const paths: Connection[][] = [];
  for (const entry of entryPoints(graph)) {
    const stack: { path: Connection[]; visited: Set<string> }[] = [{ path: [], visited: new Set([entry.id]) }];
    while (stack.length > 0) {
      const { path, visited } = stack.pop()!;
      const at = path.length === 0 ? entry.id : path[path.length - 1].target;
      const next = path.length >= maxLength ? [] : graph.syncOutgoing(at).filter((connection) => !visited.has(connection.target));
      if (next.length === 0) {
        if (path.length > 0) {
          if (paths.length === maxPaths) return { paths, truncated: true };
          paths.push(path);
        }
        continue;
      }
      for (let index = next.length - 1; index >= 0; index -= 1) {
        const connection = next[index];
        stack.push({ path: [...path, connection], visited: new Set(visited).add(connection.target) });
      }
    }
  }
  return { paths, truncated: false };
}
