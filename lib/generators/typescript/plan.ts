import type { CircuitBreaker, Component, ComponentOf, Connection, Design, RetryPolicy } from "../../model";
import { ComponentNames } from "../component-names";
import { constantName, shortHash } from "../naming";

/**
 * What each generated service needs from the design, resolved once: which components it talks to, how,
 * and under which environment variables. The templates only ever see a view-model derived from this plan,
 * and the export (docker-compose, .env.example) reads the same plan, so both agree on names.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RoutePlan {
  method: HttpMethod;
  path: string;
}

/** A synchronous dependency on another service, reached directly or through an internal load balancer. */
export interface DownstreamPlan {
  /** Id of the component the base URL points at (the service, or the load balancer in front of it). */
  componentId: string;
  componentName: string;
  /** Id of the service that finally answers. */
  serviceId: string;
  environmentVariable: string;
  /** The callee's route this service calls on every request it answers. */
  route: RoutePlan;
  timeoutMs: number;
  timeoutFromDesign: boolean;
  protocol: Connection["protocol"];
  retry: RetryPolicy;
  circuitBreaker: CircuitBreaker;
}

export interface DatabasePlan {
  componentId: string;
  componentName: string;
  /** A PostgreSQL identifier of at most 63 characters: `[a-z0-9_]`, unique per service. */
  table: string;
  pool: ComponentOf<"database">["config"]["pool"];
}

export interface CachePlan {
  componentId: string;
  componentName: string;
  ttlSeconds: number;
}

/** One queue this service publishes to, consumes from, or both. */
export interface QueuePlan {
  componentId: string;
  componentName: string;
  environmentVariable: string;
  publishes: boolean;
  consumes: boolean;
  /** Redis stream that carries the queue's messages in local development. */
  streamKey: string;
  deadLetterStreamKey: string | null;
  /** Work queue: every consumer shares one group and competes; stream: each consuming component reads everything. */
  consumerGroup: string;
  maxReceiveCount: number;
  visibilityTimeoutMs: number;
  retentionMs: number;
}

export interface EnvironmentVariablePlan {
  name: string;
  purpose: "port" | "log-level" | "database" | "cache" | "queue" | "downstream";
  /** Component the variable points at, if any. */
  componentId: string | null;
  required: boolean;
  /** Value that works in local development, with every dependency on localhost at its default port. */
  example: string;
}

/** A connection the generator leaves to the team, with the reason shown in the service's README (plain text, ids only). */
export interface UnwiredConnectionPlan {
  componentId: string;
  componentName: string;
  reason: string;
}

export interface ServicePlan {
  component: ComponentOf<"service"> | ComponentOf<"worker">;
  /** Folder name under services/: the component's name slug (lib/generators/component-names.ts). */
  slug: string;
  directory: string;
  packageName: string;
  port: number;
  routes: RoutePlan[];
  downstream: DownstreamPlan[];
  database: DatabasePlan | null;
  cache: CachePlan | null;
  queues: QueuePlan[];
  /** Messages handled at once per instance when consuming. */
  consumerConcurrency: number;
  environment: EnvironmentVariablePlan[];
  unwired: UnwiredConnectionPlan[];
}

/** Port of a worker's health and metrics endpoints: a worker answers no routes, only probes and scrapes. */
export const WORKER_PORT = 8080;

/**
 * Timeout of a call whose connection sets none: the innermost hop of 002 "Timeout Configuration"
 * (Service B: 45s), so an unconfigured call still gives up before its caller does.
 */
export const DEFAULT_DOWNSTREAM_TIMEOUT_MS = 45_000;

const FIXED_VARIABLES = ["PORT", "LOG_LEVEL", "DATABASE_URL", "REDIS_URL", "NODE_ENV"];

/**
 * The service's table, `<name identifier>_items` ("Orders API" → `orders_api_items`). Name identifiers are unique
 * and at most BASE_MAX_LENGTH (40) characters, so the table stays within PostgreSQL's 63 and is never cut into another's.
 */
export function tableName(serviceIdentifier: string): string {
  return `${serviceIdentifier}_items`;
}

/** Environment variable names from component name slugs, that cannot collide with each other or with the fixed ones. */
function environmentNamer() {
  const taken = new Set(FIXED_VARIABLES);
  return (componentSlug: string, suffix: string): string => {
    const base = constantName(componentSlug);
    let name = `${base}${suffix}`;
    for (let attempt = 1; taken.has(name); attempt += 1) {
      name = `${base}_${shortHash(`${componentSlug}#${attempt}`).toUpperCase()}${suffix}`;
    }
    taken.add(name);
    return name;
  };
}

function isWorkload(component: Component): component is ComponentOf<"service"> | ComponentOf<"worker"> {
  return component.kind === "service" || component.kind === "worker";
}

/** The callee's route a caller uses: its first GET route (a read is safe to retry), else its first route. */
function primaryRoute(service: ComponentOf<"service">): RoutePlan | null {
  const routes = service.config.routes;
  return routes.find((route) => route.method === "GET") ?? routes[0] ?? null;
}

interface DesignIndex {
  components: Map<string, Component>;
  names: ComponentNames;
  outgoing: Map<string, Connection[]>;
  incoming: Map<string, Connection[]>;
}

function indexDesign(design: Design): DesignIndex {
  const components = new Map(design.components.map((component) => [component.id, component]));
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  for (const connection of design.connections) {
    outgoing.set(connection.source, [...(outgoing.get(connection.source) ?? []), connection]);
    incoming.set(connection.target, [...(incoming.get(connection.target) ?? []), connection]);
  }
  return { components, names: new ComponentNames(design), outgoing, incoming };
}

/** The service that answers a call over `connection`: the target itself, or the first service behind a load balancer. */
function answeringService(index: DesignIndex, connection: Connection): ComponentOf<"service"> | null {
  const target = index.components.get(connection.target);
  if (target?.kind === "service") return target;
  if (target?.kind !== "load-balancer") return null;
  for (const next of index.outgoing.get(target.id) ?? []) {
    const behind = index.components.get(next.target);
    if (behind?.kind === "service") return behind;
  }
  return null;
}

function planService(index: DesignIndex, component: ComponentOf<"service"> | ComponentOf<"worker">): ServicePlan {
  const variableName = environmentNamer();
  const downstream: DownstreamPlan[] = [];
  const unwired: UnwiredConnectionPlan[] = [];
  const queues = new Map<string, QueuePlan>();
  let database: DatabasePlan | null = null;
  let cache: CachePlan | null = null;
  const own = index.names.of(component);

  const queuePlan = (queue: ComponentOf<"queue">): QueuePlan => {
    const existing = queues.get(queue.id);
    if (existing) return existing;
    const plan: QueuePlan = {
      componentId: queue.id,
      componentName: queue.name,
      environmentVariable: variableName(index.names.of(queue).base, "_QUEUE_URL"),
      publishes: false,
      consumes: false,
      streamKey: `queue:${index.names.of(queue).base}`,
      deadLetterStreamKey: queue.config.deadLetterQueue ? `queue:${index.names.of(queue).base}:dead-letter` : null,
      consumerGroup: queue.config.mode === "queue" ? "consumers" : own.base,
      maxReceiveCount: queue.config.maxReceiveCount,
      // A zero visibility timeout would hand a message to a second consumer while the first still works on it.
      visibilityTimeoutMs: Math.max(1, queue.config.visibilityTimeoutSeconds) * 1000,
      retentionMs: queue.config.retentionDays * 24 * 60 * 60 * 1000,
    };
    queues.set(queue.id, plan);
    return plan;
  };

  for (const connection of index.outgoing.get(component.id) ?? []) {
    const target = index.components.get(connection.target);
    if (!target) continue;
    const leave = (reason: string) => unwired.push({ componentId: target.id, componentName: target.name, reason });
    switch (target.kind) {
      case "service":
      case "load-balancer": {
        const callee = answeringService(index, connection);
        const route = callee ? primaryRoute(callee) : null;
        if (!callee || !route) {
          leave(callee ? "The service behind it answers no routes." : "No service sits behind this load balancer.");
          break;
        }
        downstream.push({
          componentId: target.id,
          componentName: target.name,
          serviceId: callee.id,
          environmentVariable: variableName(index.names.of(target).base, "_URL"),
          route,
          timeoutMs: connection.timeoutMs ?? DEFAULT_DOWNSTREAM_TIMEOUT_MS,
          timeoutFromDesign: connection.timeoutMs !== undefined,
          protocol: connection.protocol,
          retry: connection.retry,
          circuitBreaker: connection.circuitBreaker,
        });
        break;
      }
      case "database":
        if (target.config.engine !== "postgres") leave(`The generated store speaks PostgreSQL; this database runs ${target.config.engine}.`);
        else if (database) leave(`Reads and writes go to the first database, ${database.componentId}.`);
        else database = { componentId: target.id, componentName: target.name, table: tableName(own.identifier), pool: target.config.pool };
        break;
      case "cache":
        if (target.config.engine !== "redis") leave(`Cache-aside is generated for Redis; this cache runs ${target.config.engine}.`);
        else if (cache) leave(`Cache-aside uses the first cache, ${cache.componentId}.`);
        else cache = { componentId: target.id, componentName: target.name, ttlSeconds: target.config.ttlSeconds };
        break;
      case "queue":
        queuePlan(target).publishes = true;
        break;
      case "observability":
        leave("Observability scrapes GET /metrics and collects the JSON logs from standard output; no client is needed.");
        break;
      case "secrets-manager":
        leave("Secrets reach the service as environment variables (DATABASE_URL, REDIS_URL) injected by the platform.");
        break;
      default:
        leave(`No client is generated for this kind of component (${target.kind}); add its SDK to this package.`);
    }
  }

  for (const connection of index.incoming.get(component.id) ?? []) {
    const source = index.components.get(connection.source);
    if (source?.kind === "queue") queuePlan(source).consumes = true;
  }

  const port = component.kind === "service" ? component.config.port : WORKER_PORT;
  const queueList = [...queues.values()];
  const environment: EnvironmentVariablePlan[] = [
    { name: "PORT", purpose: "port", componentId: null, required: false, example: String(port) },
    { name: "LOG_LEVEL", purpose: "log-level", componentId: null, required: false, example: "info" },
    ...(database
      ? [{ name: "DATABASE_URL", purpose: "database" as const, componentId: database.componentId, required: true, example: "postgres://postgres:postgres@localhost:5432/postgres" }]
      : []),
    ...(cache ? [{ name: "REDIS_URL", purpose: "cache" as const, componentId: cache.componentId, required: true, example: "redis://localhost:6379" }] : []),
    ...queueList.map((queue) => ({
      name: queue.environmentVariable,
      purpose: "queue" as const,
      componentId: queue.componentId,
      required: true,
      example: "redis://localhost:6379",
    })),
    ...downstream.map((callee) => ({
      name: callee.environmentVariable,
      purpose: "downstream" as const,
      componentId: callee.componentId,
      required: true,
      example: `http://localhost:${portOf(index, callee.serviceId)}`,
    })),
  ];

  return {
    component,
    slug: own.folder,
    directory: `services/${own.folder}`,
    packageName: own.packageName,
    port,
    routes: component.kind === "service" ? component.config.routes.map((route) => ({ method: route.method, path: route.path })) : [],
    downstream,
    database,
    cache,
    queues: queueList,
    consumerConcurrency: component.kind === "worker" ? component.config.concurrency : 1,
    environment,
    unwired,
  };
}

function portOf(index: DesignIndex, serviceId: string): number {
  const service = index.components.get(serviceId);
  return service?.kind === "service" ? service.config.port : WORKER_PORT;
}

/** One plan per Service and Worker component, in design order. */
export function planServices(design: Design): ServicePlan[] {
  const index = indexDesign(design);
  return design.components.filter(isWorkload).map((component) => planService(index, component));
}
