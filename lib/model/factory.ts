import { defaultConfig, kindDefinition, type ComponentKind } from "../catalog";
import { DesignSchema, SCHEMA_VERSION, type Component, type Connection, type Design } from "./design";
import { nextId } from "./ids";

export function createEmptyDesign(name: string): Design {
  return DesignSchema.parse({ schemaVersion: SCHEMA_VERSION, name });
}

function takenIds(design: Design): Set<string> {
  return new Set([
    ...design.components.map((component) => component.id),
    ...design.connections.map((connection) => connection.id),
    ...design.zones.map((zone) => zone.id),
    ...design.annotations.map((annotation) => annotation.id),
  ]);
}

export function newComponentId(design: Design, kind: ComponentKind): string {
  return nextId(kind, takenIds(design));
}

export function newConnectionId(design: Design): string {
  return nextId("conn", takenIds(design));
}

export function newAnnotationId(design: Design, kind: string): string {
  return nextId(kind, takenIds(design));
}

export function newZoneId(design: Design, kind: string): string {
  return nextId(kind, takenIds(design));
}

/** A component of `kind` with the catalog's defaults and a name that is unique in the design. */
export function createComponent(design: Design, kind: ComponentKind, position: { x: number; y: number }, zoneId?: string): Component {
  const label = kindDefinition(kind).label;
  const names = new Set(design.components.map((component) => component.name));
  let name = label;
  for (let n = 2; names.has(name); n += 1) name = `${label} ${n}`;
  return {
    id: newComponentId(design, kind),
    kind,
    name,
    position,
    ...(zoneId ? { zoneId } : {}),
    config: defaultConfig(kind),
  } as Component;
}

/** Edge timeout when nothing calls the source: what a browser waits (002 "Timeout Configuration": Client 60s). */
export const EDGE_TIMEOUT_MS = 60_000;
/** How much shorter each hop waits than its caller (002 "Timeout Configuration": 60/55/50/45 s). */
export const TIMEOUT_STEP_MS = 5_000;

/**
 * A new connection whose timeout already fits the chain: 5 s shorter than the shortest synchronous call
 * into the source, or 60 s at the edge. Asynchronous hops have no caller waiting, so no timeout.
 */
export function createConnection(design: Design, source: Component, target: Component): Connection {
  const protocol = kindDefinition(target.kind).defaultProtocol;
  const incomingTimeouts = design.connections
    .filter((connection) => connection.target === source.id && connection.protocol !== "async" && connection.timeoutMs !== undefined)
    .map((connection) => connection.timeoutMs as number);
  const callerTimeout = incomingTimeouts.length > 0 ? Math.min(...incomingTimeouts) : EDGE_TIMEOUT_MS + TIMEOUT_STEP_MS;
  const timeoutMs = protocol === "async" ? undefined : Math.max(1000, callerTimeout - TIMEOUT_STEP_MS);
  return {
    id: newConnectionId(design),
    source: source.id,
    target: target.id,
    protocol,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    retry: { enabled: false, maxRetries: 3, backoff: "exponential", baseDelayMs: 1000, maxDelayMs: 8000, jitter: true },
    circuitBreaker: { enabled: false, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 },
    tls: true,
  };
}
