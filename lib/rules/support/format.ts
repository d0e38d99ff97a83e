import type { DesignGraph } from "../../graph";
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

/** "Orders → Payments" for one connection. */
export function describeConnection(graph: DesignGraph, connection: Connection): string {
  return `${graph.name(connection.source)} → ${graph.name(connection.target)}`;
}
