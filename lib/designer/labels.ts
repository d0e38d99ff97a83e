import type { Protocol } from "@/lib/catalog";
import type { Connection } from "@/lib/model";

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  http: "HTTP",
  grpc: "gRPC",
  tcp: "TCP",
  async: "Async",
};

/** 55000 → "55 s", 1500 → "1.5 s", 250 → "250 ms". */
export function formatTimeout(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1).replace(/\.0$/, "")} s`;
}

/** What an edge says about itself: "HTTP · 55 s", or "orders · gRPC · 5 s" when it has a label. */
export function connectionLabel(connection: Pick<Connection, "protocol" | "timeoutMs" | "label">): string {
  const parts = [PROTOCOL_LABELS[connection.protocol]];
  if (connection.timeoutMs !== undefined) parts.push(formatTimeout(connection.timeoutMs));
  if (connection.label) parts.unshift(connection.label);
  return parts.join(" · ");
}
