import type { Connection, Design } from "../../model";
import { markdownText } from "./markdown";

/**
 * Settings as Markdown table cells: a component's whole config flattened to `path: value` lines, and a
 * connection's timeout, retry and circuit-breaker policies in words. Every value is escaped.
 */

function leaves(value: unknown, path: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path}: none`];
    const items = value.map((item) => (item !== null && typeof item === "object" ? Object.values(item).map(String).join(" ") : String(item)));
    return [`${path}: ${items.join(", ")}`];
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${String(value)}`];
}

/** `replicas: 2<br>probes.livenessPath: /health<br>...` in the config's own key order. */
export function configCell(config: object): string {
  const lines = leaves(config, "");
  return lines.length === 0 ? "defaults" : lines.map(markdownText).join("<br>");
}

export function timeoutCell(connection: Connection): string {
  return connection.timeoutMs === undefined ? "not set" : `${connection.timeoutMs} ms`;
}

export function retryCell(connection: Connection): string {
  const retry = connection.retry;
  if (!retry.enabled) return "off";
  const backoff = retry.backoff === "none" ? "no wait" : `${retry.backoff} backoff ${retry.baseDelayMs}-${retry.maxDelayMs} ms`;
  return `${retry.maxRetries} retries, ${backoff}${retry.jitter ? " with jitter" : ""}`;
}

export function circuitBreakerCell(connection: Connection): string {
  const breaker = connection.circuitBreaker;
  if (!breaker.enabled) return "off";
  return `opens at ${breaker.failureThresholdPercent} % failures for ${breaker.openSeconds} s, ${breaker.halfOpenRequests} trial calls`;
}

/** A component's name by id, escaped; the id itself when the name is missing. */
export function componentNamer(design: Design): (id: string) => string {
  const names = new Map(design.components.map((component) => [component.id, component.name]));
  return (id) => markdownText(names.get(id) ?? id);
}
