import type { ComponentKind } from "../catalog";
import type { Component, Connection } from "../model";

/** Components that pass a request on without doing the work themselves: the edge and traffic layers. */
export const FORWARDING_KINDS: ReadonlySet<ComponentKind> = new Set<ComponentKind>([
  "dns",
  "cdn",
  "waf",
  "rate-limiter",
  "load-balancer",
  "api-gateway",
  "reverse-proxy",
]);

/** Components that hold state a breach or an outage would lose. */
export const DATA_STORE_KINDS: ReadonlySet<ComponentKind> = new Set<ComponentKind>(["database", "cache", "nosql-database", "object-storage"]);

/** Components running application code, the only ones that should talk to data stores. */
export const WORKLOAD_KINDS: ReadonlySet<ComponentKind> = new Set<ComponentKind>(["service", "worker"]);

/** A synchronous hop keeps its caller waiting; an asynchronous one hands the message to a broker. */
export function isSync(connection: Connection): boolean {
  return connection.protocol !== "async";
}

/** Edge and traffic components that face the internet: every forwarding kind except an internal load balancer. */
export function isInternetFacingKind(component: Component): boolean {
  if (component.kind === "load-balancer") return component.config.scheme === "internet-facing";
  return FORWARDING_KINDS.has(component.kind);
}
