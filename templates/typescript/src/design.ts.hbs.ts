/** Template of src/design.ts: the design's settings for one service, every string a precomputed literal. */
export default String.raw`/**
 * What the Archway design says about this service. Generated from the design: change the design and
 * generate again rather than editing these values by hand.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
}

export const serviceInfo = {
  id: {{service.idLiteral}},
  name: {{service.nameLiteral}},
  defaultPort: {{service.port}},
};

/** Routes this service answers; see README.md for what each method does. */
{{#if hasRoutes}}
export const routes: readonly RouteDefinition[] = [
{{#each routes}}
  { method: {{methodLiteral}}, path: {{pathLiteral}} },
{{/each}}
];
{{else}}
export const routes: readonly RouteDefinition[] = [];
{{/if}}
{{#if hasDownstream}}

export interface RetrySettings {
  enabled: boolean;
  maxRetries: number;
  backoff: "none" | "fixed" | "exponential";
  baseDelayMs: number;
  maxDelayMs: number;
  jitter: boolean;
}

export interface CircuitBreakerSettings {
  enabled: boolean;
  failureThresholdPercent: number;
  openSeconds: number;
  halfOpenRequests: number;
}

export interface DownstreamDefinition {
  /** Component the base URL points at. */
  id: string;
  name: string;
  /** The callee's route called on every request this service answers. */
  route: RouteDefinition;
  timeoutMs: number;
  retry: RetrySettings;
  circuitBreaker: CircuitBreakerSettings;
}

export const downstreamServices: readonly DownstreamDefinition[] = [
{{#each downstream}}
  {
    id: {{idLiteral}},
    name: {{nameLiteral}},
    route: { method: {{routeMethodLiteral}}, path: {{routePathLiteral}} },
    timeoutMs: {{timeoutMs}},
    retry: {
      enabled: {{retry.enabled}},
      maxRetries: {{retry.maxRetries}},
      backoff: {{retry.backoffLiteral}},
      baseDelayMs: {{retry.baseDelayMs}},
      maxDelayMs: {{retry.maxDelayMs}},
      jitter: {{retry.jitter}},
    },
    circuitBreaker: {
      enabled: {{circuitBreaker.enabled}},
      failureThresholdPercent: {{circuitBreaker.failureThresholdPercent}},
      openSeconds: {{circuitBreaker.openSeconds}},
      halfOpenRequests: {{circuitBreaker.halfOpenRequests}},
    },
  },
{{/each}}
];
{{/if}}
{{#if database}}

export const database = {
  id: {{database.idLiteral}},
  name: {{database.nameLiteral}},
  /** This service's own table, so several services can share one database without clashing. */
  table: {{database.tableLiteral}},
  pool: {
    maxConnections: {{database.pool.maxConnections}},
    minIdle: {{database.pool.minIdle}},
    connectionTimeoutMs: {{database.pool.connectionTimeoutMs}},
    idleTimeoutMs: {{database.pool.idleTimeoutMs}},
  },
};
{{/if}}
{{#if cache}}

export const cache = {
  id: {{cache.idLiteral}},
  name: {{cache.nameLiteral}},
  ttlSeconds: {{cache.ttlSeconds}},
  /** Every key of this service starts with this prefix, so services can share one Redis. */
  keyPrefix: {{cache.keyPrefixLiteral}},
};
{{/if}}
{{#if hasQueues}}

export interface QueueDefinition {
  id: string;
  name: string;
  publishes: boolean;
  consumes: boolean;
  streamKey: string;
  /** Where messages go after too many deliveries; null drops them with an error log. */
  deadLetterStreamKey: string | null;
  consumerGroup: string;
  maxReceiveCount: number;
  visibilityTimeoutMs: number;
  retentionMs: number;
}

export const queues: readonly QueueDefinition[] = [
{{#each queues}}
  {
    id: {{idLiteral}},
    name: {{nameLiteral}},
    publishes: {{publishes}},
    consumes: {{consumes}},
    streamKey: {{streamKeyLiteral}},
    deadLetterStreamKey: {{deadLetterStreamKeyLiteral}},
    consumerGroup: {{consumerGroupLiteral}},
    maxReceiveCount: {{maxReceiveCount}},
    visibilityTimeoutMs: {{visibilityTimeoutMs}},
    retentionMs: {{retentionMs}},
  },
{{/each}}
];
{{/if}}
{{#if hasConsumers}}

/** Messages handled at once per instance, per consumed queue. */
export const consumerConcurrency = {{consumerConcurrency}};
{{/if}}
`;
