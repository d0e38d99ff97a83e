import type { Design } from "../../model";
import { NODE_IMAGE } from "./dependencies";
import { markdownText, tsString } from "./escape";
import type { DownstreamPlan, EnvironmentVariablePlan, QueuePlan, RoutePlan, ServicePlan } from "./plan";

/**
 * Everything a template may print, precomputed. Design text appears only as `...Literal` (a TypeScript
 * string literal from tsString) or `...Text` (Markdown from markdownText); everything else is a number,
 * a boolean, an identifier-safe name (ids are `[a-z0-9-]`, environment variables `[A-Z0-9_]`) or fixed prose.
 */

/** Most items a collection read returns; the same constant lives in the generated src/handlers.ts. */
const LIST_LIMIT = 50;

function routeBehaviour(route: RoutePlan, plan: ServicePlan): string {
  const hasParameter = /(^|\/)(:[^/]+|\{[^/]+\})/.test(route.path);
  const downstream = plan.downstream.length > 0 ? " Calls every downstream service first." : "";
  const store = plan.database !== null;
  switch (route.method) {
    case "GET":
      if (!hasParameter) return `Lists the newest ${LIST_LIMIT} items${plan.cache ? ", through the cache" : ""}.${downstream}`;
      return `Reads the item named by the last path parameter${plan.cache ? ", through the cache" : ""}.${downstream}`;
    case "POST":
      return `${store ? "Creates an item from the JSON body" : "Accepts a JSON body"}.${downstream}`;
    case "PUT":
      return `${store ? "Creates or replaces the item" : "Accepts a JSON body"}.${downstream}`;
    case "PATCH":
      return `${store ? "Merges the JSON body into the item" : "Accepts a JSON body"}.${downstream}`;
    case "DELETE":
      return `${store ? "Deletes the item" : "Accepts the deletion"}.${downstream}`;
  }
}

function variableMeaning(variable: EnvironmentVariablePlan, plan: ServicePlan): string {
  switch (variable.purpose) {
    case "port":
      return "Port of the HTTP server (routes, probes and metrics).";
    case "log-level":
      return "pino level: fatal, error, warn, info, debug, trace or silent.";
    case "database":
      return `PostgreSQL of ${markdownText(plan.database?.componentName ?? "")}.`;
    case "cache":
      return `Redis of ${markdownText(plan.cache?.componentName ?? "")}.`;
    case "queue": {
      const queue = plan.queues.find((candidate) => candidate.componentId === variable.componentId);
      return `Redis carrying the queue ${markdownText(queue?.componentName ?? "")} in local development.`;
    }
    case "downstream": {
      const callee = plan.downstream.find((candidate) => candidate.componentId === variable.componentId);
      return `Base URL of ${markdownText(callee?.componentName ?? "")}.`;
    }
  }
}

function seconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

function retryText(callee: DownstreamPlan): string {
  const retry = callee.retry;
  if (!retry.enabled || retry.maxRetries === 0) return "none";
  const wait = retry.backoff === "none" ? "no wait" : `${retry.backoff} from ${seconds(retry.baseDelayMs)}, at most ${seconds(retry.maxDelayMs)}`;
  return `${retry.maxRetries}, ${wait}${retry.jitter ? ", with jitter" : ""}`;
}

function breakerText(callee: DownstreamPlan): string {
  const breaker = callee.circuitBreaker;
  if (!breaker.enabled) return "off";
  return `opens above ${breaker.failureThresholdPercent} % failures for ${breaker.openSeconds} s`;
}

function queueRole(queue: QueuePlan): string {
  const roles = [
    ...(queue.publishes ? ["publishes an event after each write"] : []),
    ...(queue.consumes ? [`consumes (${queue.consumerGroup === "consumers" ? "competing with other consumers" : "its own consumer group"})`] : []),
  ];
  return `${roles.join("; ")}; dead letters after ${queue.maxReceiveCount} deliveries${queue.deadLetterStreamKey ? "" : " are dropped"}`;
}

export interface GeneratedModule {
  path: string;
  purpose: string;
}

export function serviceViewModel(design: Design, plan: ServicePlan, layout: readonly GeneratedModule[]) {
  const component = plan.component;
  const hasDownstream = plan.downstream.length > 0;
  const hasQueues = plan.queues.length > 0;
  const libraries = [
    ...(plan.database ? ["pg"] : []),
    ...(plan.cache || hasQueues ? ["ioredis"] : []),
    ...(hasDownstream ? ["cockatiel"] : []),
  ];
  const metricsList = [
    ...(plan.cache ? ["cache_hits_total", "cache_misses_total", "cache_errors_total"] : []),
    ...(hasDownstream ? ["downstream_requests_total"] : []),
    ...(hasQueues ? ["queue_messages_published_total", "queue_messages_processed_total", "queue_messages_dead_lettered_total"] : []),
  ];
  return {
    nodeImage: NODE_IMAGE,
    service: {
      id: component.id,
      idLiteral: tsString(component.id),
      nameLiteral: tsString(component.name),
      port: plan.port,
    },
    hasRoutes: plan.routes.length > 0,
    routes: plan.routes.map((route) => ({
      method: route.method,
      path: route.path,
      methodLiteral: tsString(route.method),
      pathLiteral: tsString(route.path),
      behaviour: routeBehaviour(route, plan),
    })),
    hasDownstream,
    downstream: plan.downstream.map((callee) => ({
      id: callee.componentId,
      idLiteral: tsString(callee.componentId),
      nameLiteral: tsString(callee.componentName),
      nameText: markdownText(callee.componentName),
      environmentVariable: callee.environmentVariable,
      routeMethodLiteral: tsString(callee.route.method),
      routePathLiteral: tsString(callee.route.path),
      routeText: `${callee.route.method} ${callee.route.path}`,
      timeoutMs: callee.timeoutMs,
      timeoutText: `${seconds(callee.timeoutMs)}${callee.timeoutFromDesign ? "" : " (default: the design sets none)"}`,
      retry: { ...callee.retry, backoffLiteral: tsString(callee.retry.backoff) },
      retryText: retryText(callee),
      circuitBreaker: callee.circuitBreaker,
      breakerText: breakerText(callee),
    })),
    database: plan.database && {
      idLiteral: tsString(plan.database.componentId),
      nameLiteral: tsString(plan.database.componentName),
      table: plan.database.table,
      tableLiteral: tsString(plan.database.table),
      pool: plan.database.pool,
    },
    cache: plan.cache && {
      idLiteral: tsString(plan.cache.componentId),
      nameLiteral: tsString(plan.cache.componentName),
      ttlSeconds: plan.cache.ttlSeconds,
      keyPrefixLiteral: tsString(`cache:${plan.slug}`),
    },
    hasQueues,
    hasPublishers: plan.queues.some((queue) => queue.publishes),
    hasConsumers: plan.queues.some((queue) => queue.consumes),
    needsRedis: plan.cache !== null || hasQueues,
    hasUrlMaps: hasDownstream || hasQueues,
    queues: plan.queues.map((queue) => ({
      id: queue.componentId,
      idLiteral: tsString(queue.componentId),
      nameLiteral: tsString(queue.componentName),
      nameText: markdownText(queue.componentName),
      environmentVariable: queue.environmentVariable,
      publishes: queue.publishes,
      consumes: queue.consumes,
      streamKeyLiteral: tsString(queue.streamKey),
      deadLetterStreamKeyLiteral: queue.deadLetterStreamKey === null ? "null" : tsString(queue.deadLetterStreamKey),
      consumerGroupLiteral: tsString(queue.consumerGroup),
      maxReceiveCount: queue.maxReceiveCount,
      visibilityTimeoutMs: queue.visibilityTimeoutMs,
      retentionMs: queue.retentionMs,
      roleText: queueRole(queue),
    })),
    consumerConcurrency: plan.consumerConcurrency,
    environment: plan.environment.map((variable) => ({
      name: variable.name,
      required: variable.required,
      example: variable.example,
      meaning: variableMeaning(variable, plan),
    })),
    requiredEnvironment: plan.environment
      .filter((variable) => variable.required)
      .map((variable) => ({ name: variable.name, example: variable.example, exampleLiteral: tsString(variable.example) })),
    hasUnwired: plan.unwired.length > 0,
    unwired: plan.unwired.map((connection) => ({
      id: connection.componentId,
      nameText: markdownText(connection.componentName),
      reason: connection.reason,
    })),
    layout,
    readme: {
      title: markdownText(component.name),
      kind: component.kind,
      designName: markdownText(design.name),
      libraries: libraries.length > 0 ? `, ${libraries.join(", ")}` : "",
      metricsList: metricsList.length > 0 ? `, ${metricsList.map((name) => `\`${name}\``).join(", ")}` : "",
      listLimit: LIST_LIMIT,
      dockerBuildCommand: `docker build -t ${plan.slug} .`,
    },
  };
}

export type ServiceViewModel = ReturnType<typeof serviceViewModel>;
