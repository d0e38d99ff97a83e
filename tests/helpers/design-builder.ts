import { expect } from "vitest";
import { kindDefinition, type ComponentKind } from "@/lib/catalog";
import type { ZoneKind } from "@/lib/catalog/zones";
import { EDGE_TIMEOUT_MS, SCHEMA_VERSION, TIMEOUT_STEP_MS, parseDesign, type Design } from "@/lib/model";
import type { Rule } from "@/lib/rules/support/types";

/*
 * A tiny builder for rule fixtures. Ids state intent (`db-fail`, `lb-pass`); names default to the id so
 * messages are easy to assert. Connections get the catalog's protocol and, when synchronous, a timeout
 * 5 s shorter than the shortest call into their source, like the editor does.
 */

type Plain = Record<string, unknown>;

interface ComponentOptions {
  name?: string;
  zone?: string;
  config?: Plain;
  position?: { x: number; y: number };
  /** Zones the component also runs in, each drawn at the same spot of its zone. */
  alsoIn?: string[];
}

interface ConnectionOptions {
  id?: string;
  protocol?: "http" | "grpc" | "tcp" | "async";
  /** null leaves the connection without a timeout. */
  timeoutMs?: number | null;
  retry?: Plain;
  circuitBreaker?: Plain;
  tls?: boolean;
  pathPrefix?: string;
}

interface ZoneOptions {
  parent?: string;
  name?: string;
  cidr?: string;
  code?: string;
  position?: { x: number; y: number };
  size?: { width: number; height: number };
}

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merge nested settings so a fixture states only what it changes. */
function merge(base: Plain, patch: Plain): Plain {
  const result: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) result[key] = isPlain(value) && isPlain(base[key]) ? merge(base[key], value) : value;
  return result;
}

export class DesignBuilder {
  private readonly components: Plain[] = [];
  private readonly connections: Plain[] = [];
  private readonly zones: Plain[] = [];
  private readonly acknowledgements: Plain[] = [];

  component(kind: ComponentKind, id: string, options: ComponentOptions = {}): this {
    this.components.push({
      id,
      kind,
      name: options.name ?? id,
      position: options.position ?? { x: 200 * this.components.length, y: 0 },
      ...(options.zone ? { zoneId: options.zone } : {}),
      ...(options.alsoIn ? { alsoIn: options.alsoIn.map((zoneId) => ({ zoneId, position: { x: 40, y: 60 } })) } : {}),
      config: options.config ?? {},
    });
    return this;
  }

  connect(source: string, target: string, options: ConnectionOptions = {}): this {
    const targetKind = this.components.find((component) => component.id === target)?.kind as ComponentKind | undefined;
    if (!targetKind) throw new Error(`Add component "${target}" before connecting to it`);
    const protocol = options.protocol ?? kindDefinition(targetKind).defaultProtocol;
    const incoming = this.connections
      .filter((connection) => connection.target === source && connection.protocol !== "async" && typeof connection.timeoutMs === "number")
      .map((connection) => connection.timeoutMs as number);
    const suggested = incoming.length > 0 ? Math.min(...incoming) - TIMEOUT_STEP_MS : EDGE_TIMEOUT_MS;
    const timeoutMs = options.timeoutMs === null || protocol === "async" ? undefined : (options.timeoutMs ?? suggested);
    this.connections.push({
      id: options.id ?? `${source}--${target}`,
      source,
      target,
      protocol,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.circuitBreaker ? { circuitBreaker: options.circuitBreaker } : {}),
      ...(options.tls === undefined ? {} : { tls: options.tls }),
      ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
    });
    return this;
  }

  zone(kind: ZoneKind, id: string, options: ZoneOptions = {}): this {
    this.zones.push({
      id,
      kind,
      name: options.name ?? id,
      ...(options.parent ? { parentId: options.parent } : {}),
      position: options.position ?? { x: 0, y: 0 },
      size: options.size ?? { width: 800, height: 600 },
      ...(options.cidr ? { cidr: options.cidr } : {}),
      ...(options.code ? { code: options.code } : {}),
    });
    return this;
  }

  /** Change settings of a component already added. */
  configure(id: string, config: Plain): this {
    const component = this.components.find((candidate) => candidate.id === id);
    if (!component) throw new Error(`No component "${id}"`);
    component.config = merge(component.config as Plain, config);
    return this;
  }

  acknowledge(ruleId: string, targetId: string, reason: string): this {
    this.acknowledgements.push({ ruleId, targetId, reason });
    return this;
  }

  build(): Design {
    const result = parseDesign({
      schemaVersion: SCHEMA_VERSION,
      name: "Fixture",
      components: this.components,
      connections: this.connections,
      zones: this.zones,
      acknowledgements: this.acknowledgements,
    });
    if (!result.success) throw new Error(`Fixture does not parse: ${JSON.stringify(result.issues)}`);
    return result.design;
  }
}

export function designBuilder(): DesignBuilder {
  return new DesignBuilder();
}

/**
 * A web stack that follows every rule: Web client → DNS → CDN → WAF → public load balancer → API gateway
 * → Orders → Catalog, with a cache, a Multi-AZ database in a private subnet, an event queue feeding an
 * email worker, a secrets manager and monitoring. Rule tests break one thing in it at a time.
 */
export function compliantStack(): DesignBuilder {
  const cb = { enabled: true };
  const retry = { enabled: true, maxRetries: 3, backoff: "exponential", jitter: true };
  return designBuilder()
    .zone("vpc", "vpc", { cidr: "10.0.0.0/16", size: { width: 2000, height: 1200 } })
    .zone("public-subnet", "public", { parent: "vpc", position: { x: 20, y: 40 }, size: { width: 400, height: 300 } })
    .zone("private-subnet", "app", { parent: "vpc", position: { x: 440, y: 40 }, size: { width: 600, height: 300 } })
    .zone("private-subnet", "data", { parent: "vpc", position: { x: 1060, y: 40 }, size: { width: 600, height: 300 } })
    .component("client", "web", { name: "Web client" })
    .component("dns", "dns", { name: "DNS" })
    .component("cdn", "cdn", { name: "CDN" })
    .component("waf", "waf", { name: "WAF" })
    .component("load-balancer", "lb", { name: "Public load balancer", zone: "public", position: { x: 40, y: 60 } })
    .component("api-gateway", "gateway", { name: "API gateway" })
    .component("service", "orders", { name: "Orders", zone: "app", position: { x: 40, y: 60 } })
    .component("service", "catalog", { name: "Catalog", zone: "app", position: { x: 300, y: 60 } })
    .component("database", "orders-db", { name: "Orders DB", zone: "data", position: { x: 40, y: 60 } })
    .component("cache", "cache", { name: "Cache", zone: "data", position: { x: 300, y: 60 } })
    .component("queue", "events", { name: "Order events" })
    .component("worker", "mailer", { name: "Email worker", zone: "app", position: { x: 40, y: 200 } })
    .component("secrets-manager", "secrets", { name: "Secrets" })
    .component("observability", "obs", { name: "Monitoring" })
    .connect("web", "dns")
    .connect("dns", "cdn")
    .connect("cdn", "waf")
    .connect("waf", "lb")
    .connect("lb", "gateway")
    .connect("gateway", "orders")
    .connect("orders", "catalog", { circuitBreaker: cb, retry })
    .connect("orders", "orders-db")
    .connect("orders", "cache")
    .connect("catalog", "cache")
    .connect("orders", "events")
    .connect("events", "mailer")
    .connect("orders", "secrets")
    .connect("catalog", "secrets")
    .connect("orders", "obs")
    .connect("catalog", "obs")
    .connect("mailer", "obs");
}

export function findingIds(rule: Rule, design: Design): string[] {
  return rule.check(design).map((finding) => finding.id);
}

/** Apply the fix of one finding, check the result is a valid design and that the finding is gone. */
export function fixFinding(rule: Rule, design: Design, findingId: string): Design {
  const finding = rule.check(design).find((candidate) => candidate.id === findingId);
  expect(finding, `finding ${findingId}`).toBeDefined();
  expect(finding!.fixable).toBe(true);
  const fixed = rule.fix!(design, finding!);
  const reparsed = parseDesign(JSON.parse(JSON.stringify(fixed)));
  expect(reparsed.success ? [] : reparsed.issues).toEqual([]);
  expect(findingIds(rule, fixed)).not.toContain(findingId);
  return fixed;
}

/**
 * Every difference between two designs as sorted markers: `+component:waf-1` added, `-connection:a--b`
 * removed, `~zone:vpc` changed, `~design` for any other top-level change. Tests compare it to the exact
 * list a fix may touch, which proves the fix changed nothing else.
 */
export function changedIds(before: Design, after: Design): string[] {
  const markers: string[] = [];
  const compare = (label: string, a: readonly { id: string }[], b: readonly { id: string }[]) => {
    const old = new Map(a.map((item) => [item.id, item]));
    const fresh = new Map(b.map((item) => [item.id, item]));
    for (const [id, item] of old) {
      if (!fresh.has(id)) markers.push(`-${label}:${id}`);
      else if (JSON.stringify(item) !== JSON.stringify(fresh.get(id))) markers.push(`~${label}:${id}`);
    }
    for (const id of fresh.keys()) if (!old.has(id)) markers.push(`+${label}:${id}`);
  };
  compare("component", before.components, after.components);
  compare("connection", before.connections, after.connections);
  compare("zone", before.zones, after.zones);
  const rest = (design: Design) => JSON.stringify({ ...design, components: [], connections: [], zones: [] });
  if (rest(before) !== rest(after)) markers.push("~design");
  return markers.sort();
}

export function componentIn(design: Design, id: string) {
  const component = design.components.find((candidate) => candidate.id === id);
  if (!component) throw new Error(`No component "${id}"`);
  return component;
}

export function connectionIn(design: Design, id: string) {
  const connection = design.connections.find((candidate) => candidate.id === id);
  if (!connection) throw new Error(`No connection "${id}"`);
  return connection;
}
