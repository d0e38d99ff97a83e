import type { DesignGraph, PathSummary } from "../../graph";
import type { Connection } from "../../model";

/** A duration in the seeds' units: "500 ms", "1.5 s", "60 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "Web client → Load balancer → Orders" for a chain of connections. */
export function describePath(graph: DesignGraph, path: readonly Connection[]): string {
  if (path.length === 0) return "";
  return [graph.name(path[0].source), ...path.map((connection) => graph.name(connection.target))].join(" → ");
}

/**
 * A path summary in words: every name when the path is short ("Web client → Load balancer → Orders"),
 * else its first hop and last hops around an ellipsis, with its length ("Web client → LB → … → Orders (12 hops)").
 */
export function describePathSummary(graph: DesignGraph, path: PathSummary): string {
  if (path.hops.length === path.length) return describePath(graph, path.hops);
  const [first, ...last] = path.hops;
  return `${describePath(graph, [first])} → … → ${describePath(graph, last)} (${path.length} hops)`;
}

/** Component and connection ids of a path summary, for highlighting. */
export function pathSummaryIds(path: PathSummary, componentId: string): { componentIds: string[]; connectionIds: string[] } {
  return {
    componentIds: [...new Set([...path.hops.map((connection) => connection.source), componentId])],
    connectionIds: path.hops.map((connection) => connection.id),
  };
}

/** "Orders → Payments" for one connection. */
export function describeConnection(graph: DesignGraph, connection: Connection): string {
  return `${graph.name(connection.source)} → ${graph.name(connection.target)}`;
}
