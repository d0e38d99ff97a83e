import { cite } from "../model";
import { allOf, asyncVia, calls, configured, everyWorkloadObserved, frontedBy, noSinglePointOfFailure, reachable, role } from "./checks";
import { bypass, configure, disconnect, remove } from "./mutations";
import { EDGE } from "./reference";
import type { Mutation, RubricItem, Role } from "./types";

/*
 * Rubric items that recur across scenarios, one factory each. A scenario passes the roles its domain gives
 * the parts ("the redirect service") and the ids of the reference answer that the failing edit touches.
 */

export const ROLES = {
  service: role("service", ["service"]),
  loadBalancer: role("load balancer", ["load-balancer"]),
  cdn: role("CDN", ["cdn"]),
  waf: role("WAF", ["waf"]),
  rateLimiter: role("rate limiter or throttling API gateway", ["rate-limiter", "api-gateway"]),
  cache: role("cache", ["cache"]),
  database: role("relational database", ["database"]),
  nosql: role("NoSQL database", ["nosql-database"]),
  anyDatabase: role("database", ["database", "nosql-database"]),
  objectStorage: role("object storage", ["object-storage"]),
  worker: role("worker", ["worker", "service"]),
} as const;

const SCALING = cite("002", "How do you scale from 1K to 10M users");

type Override = Partial<Pick<RubricItem, "id" | "title" | "points" | "stage" | "explanation" | "reference">>;

/** Stage 1K: the request reaches the service and the service keeps its data in the store. */
export function servesFrom(service: Role, store: Role, ids: { service: string; store: string }, override: Override = {}): RubricItem {
  return {
    id: `${ids.service}-uses-${ids.store}`,
    title: `${capitalise(service.label)} keeps its data in ${store.label}`,
    points: 10,
    category: "reliability",
    stage: "1k",
    explanation: "Start simple: client → server → database (002 \"Draw Incrementally\", step 1). The interviewer first wants the request path that works.",
    reference: `Users reach ${service.label}, which reads and writes ${store.label}.`,
    check: allOf(reachable(service), calls(service, store)),
    breaks: disconnect(ids.service, ids.store),
    citation: cite("002", "Draw Incrementally"),
    ...override,
  };
}

export function loadBalanced(service: Role, override: Override = {}): RubricItem {
  return {
    id: "load-balancer",
    title: `A load balancer in front of ${service.label}`,
    points: 10,
    category: "reliability",
    stage: "10k",
    explanation: "At 10K users you split the tiers and add a load balancer so any healthy instance can answer (002 scaling: 10K users).",
    reference: "The load balancer routes every request to healthy service instances, least connections first.",
    check: frontedBy(service, ROLES.loadBalancer),
    breaks: bypass(EDGE.loadBalancer),
    citation: SCALING,
    ...override,
  };
}

export function cacheAside(service: Role, ids: { service: string; cache: string }, override: Override = {}): RubricItem {
  return {
    id: "cache-on-read-path",
    title: `A cache on the read path of ${service.label}`,
    points: 10,
    category: "performance",
    stage: "10k",
    explanation: "Reads dominate; cache-aside (check cache, on a miss query the database and write the cache) takes them off the database (002 \"Caching Strategy\").",
    reference: `${capitalise(service.label)} looks keys up in Redis before the database.`,
    check: calls(service, ROLES.cache),
    breaks: disconnect(ids.service, ids.cache),
    citation: cite("002", "Caching Strategy"),
    ...override,
  };
}

export function cdnInFront(service: Role, override: Override = {}): RubricItem {
  return {
    id: "cdn",
    title: "A CDN in front of the origin",
    points: 5,
    category: "performance",
    stage: "100k",
    explanation: "At 100K users a CDN serves static assets and cacheable responses from the edge, with 80-95 % hit rates (002 \"Numbers Matter\").",
    reference: "DNS points at the CDN; cache misses continue to the origin.",
    check: frontedBy(service, ROLES.cdn),
    breaks: bypass(EDGE.cdn),
    citation: SCALING,
    ...override,
  };
}

export function readReplicas(database: Role, databaseId: string, override: Override = {}): RubricItem {
  return {
    id: "read-replicas",
    title: `Read replicas for ${database.label}`,
    points: 10,
    category: "performance",
    stage: "100k",
    explanation: "Read replicas scale reads independently of the primary, which keeps the writes (002 \"Horizontal Scaling\").",
    reference: `${capitalise(database.label)} has read replicas that serve reads.`,
    check: configured({ ...database, kinds: ["database"] }, "served by at least one read replica", (component) => component.config.readReplicas >= 1),
    breaks: configure(databaseId, { readReplicas: 0 }),
    citation: cite("002", "Horizontal Scaling"),
    ...override,
  };
}

export function queued(producer: Role, consumer: Role, ids: { producer: string; queue: string }, override: Override = {}): RubricItem {
  return {
    id: "async-queue",
    title: `A queue between ${producer.label} and ${consumer.label}`,
    points: 10,
    category: "reliability",
    stage: "100k",
    explanation: "Work the user does not wait for goes through a queue: it decouples services, buffers spikes and retries failures (002 \"Async Processing\").",
    reference: `${capitalise(producer.label)} publishes an event; ${consumer.label} consumes it with retries and a dead-letter queue.`,
    check: asyncVia(producer, consumer),
    breaks: disconnect(ids.producer, ids.queue),
    citation: cite("002", "Async Processing"),
    ...override,
  };
}

export function wafAtEdge(service: Role, override: Override = {}): RubricItem {
  return {
    id: "waf",
    title: "A WAF before anything public",
    points: 5,
    category: "security",
    stage: "100k",
    explanation: "Defense in depth starts with a WAF blocking SQL injection, XSS and bots (002 \"Defense in Depth\", layer 1).",
    reference: "The WAF sits between the CDN and the rate limiter.",
    check: frontedBy(service, ROLES.waf),
    breaks: bypass(EDGE.waf),
    citation: cite("002", "Defense in Depth"),
    ...override,
  };
}

export function rateLimited(service: Role, override: Override = {}): RubricItem {
  return {
    id: "rate-limit",
    title: `Rate limiting before ${service.label}`,
    points: 5,
    category: "security",
    stage: "100k",
    explanation: "A rate limiter (per user 100 req/min, per IP 1000 req/min) protects the backend from abuse and spikes (002 \"Defense in Depth\", layer 2).",
    reference: "A token-bucket rate limiter answers the excess with 429 before the load balancer.",
    check: frontedBy(service, ROLES.rateLimiter),
    breaks: bypass(EDGE.rateLimiter),
    citation: cite("002", "Defense in Depth"),
    ...override,
  };
}

export function autoscaled(service: Role, serviceId: string, override: Override = {}): RubricItem {
  return {
    id: "autoscaling",
    title: `${capitalise(service.label)} scales automatically`,
    points: 5,
    category: "cost",
    stage: "1m",
    explanation: "At 1M users auto-scaling groups add instances on load and remove them after, so you pay for the peak only while it lasts (002 scaling: 1M users).",
    reference: `${capitalise(service.label)} scales between its minimum and maximum replicas on CPU.`,
    check: configured({ ...service, kinds: ["service"] }, "autoscaled", (component) => component.config.autoscaling.enabled && component.config.autoscaling.maxReplicas > component.config.autoscaling.minReplicas),
    breaks: configure(serviceId, { autoscaling: { enabled: false } }),
    citation: SCALING,
    ...override,
  };
}

export function redundant(service: Role, breaks: Mutation, override: Override = {}): RubricItem {
  return {
    id: "no-single-point-of-failure",
    title: `No single point of failure behind ${service.label}`,
    points: 15,
    category: "reliability",
    stage: "1m",
    explanation: "Interviewers will ask what happens when any box dies: every instance on the path needs a second one, and databases a Multi-AZ standby (002 \"Address Failure Cases\").",
    reference: "Services run at least two instances, databases are Multi-AZ and caches fail over automatically.",
    check: noSinglePointOfFailure(service),
    breaks,
    citation: cite("002", "Address Failure Cases"),
    ...override,
  };
}

export function distributedCache(cacheId: string, override: Override = {}): RubricItem {
  return {
    id: "distributed-cache",
    title: "A distributed cache cluster",
    points: 5,
    category: "performance",
    stage: "1m",
    explanation: "One Redis node does 10k-50k ops/s (002 \"Numbers Matter\"); at 1M users the cache is sharded over a cluster.",
    reference: "The cache runs in cluster mode with several shards.",
    check: configured({ ...ROLES.cache, kinds: ["cache"] }, "sharded over at least two nodes", (component) => component.config.shards >= 2),
    breaks: configure(cacheId, { shards: 1 }),
    citation: SCALING,
    ...override,
  };
}

export function sharded(store: Role, storeId: string, override: Override = {}): RubricItem {
  return {
    id: "sharding",
    title: `${capitalise(store.label)} is partitioned`,
    points: 10,
    category: "performance",
    stage: "1m",
    explanation: "Writes outgrow one primary: partition by key (user_id, region, ...) so each shard takes a slice (002 \"Horizontal Scaling\": database sharding).",
    reference: `${capitalise(store.label)} is split into shards by key.`,
    check: configured({ ...store, kinds: ["nosql-database"] }, "split over at least two shards", (component) => component.config.shards >= 2),
    breaks: configure(storeId, { shards: 1 }),
    citation: cite("002", "Horizontal Scaling"),
    ...override,
  };
}

export function observed(override: Override = {}): RubricItem {
  return {
    id: "observability",
    title: "Every workload is observed",
    points: 5,
    category: "operations",
    stage: "1m",
    explanation: "Logs, metrics and traces from every service and worker: you cannot fix what you cannot see (002 \"The Three Pillars\").",
    reference: "Every service and worker ships logs, metrics and traces to one observability stack.",
    check: everyWorkloadObserved(),
    breaks: remove(EDGE.observability),
    citation: cite("002", "The Three Pillars"),
    ...override,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
