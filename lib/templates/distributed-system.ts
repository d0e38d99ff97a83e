import { buildDesign, type ComponentSpec, type ConnectionSpec } from "./support/build";
import type { Template } from "./support/types";

/**
 * 002 "Timeout Configuration": Client 60s, API Gateway 55s, Service A 50s, Service B 45s. The managed edge
 * hops between the client and the gateway each take one second off, so the gateway keeps its 55 s.
 */
const TIMEOUTS = { client: 60_000, dns: 59_000, cdn: 58_000, loadBalancer: 57_000, gateway: 55_000, serviceA: 50_000, serviceB: 45_000 };

const SERVICES = [
  { id: "user-service", name: "User service", prefix: "/api/users", route: { method: "GET", path: "/api/users/{id}" } },
  { id: "product-service", name: "Product service", prefix: "/api/products", route: { method: "GET", path: "/api/products/{id}" } },
  { id: "order-service", name: "Order service", prefix: "/api/orders", route: { method: "POST", path: "/api/orders" } },
  { id: "payment-service", name: "Payment service", prefix: "/api/payments", route: { method: "POST", path: "/api/payments" } },
] as const;

const WORKERS = [
  { id: "email-sender", name: "Email sender" },
  { id: "image-processor", name: "Image processor" },
  { id: "analytics-worker", name: "Analytics" },
  { id: "reporting-worker", name: "Reporting" },
] as const;

/** Which data stores each service reads and writes (002 READ and WRITE flows, cache-aside). */
const DATA_ACCESS: Record<(typeof SERVICES)[number]["id"], string[]> = {
  "user-service": ["redis", "memcached", "primary-db", "nosql"],
  "product-service": ["redis", "primary-db"],
  "order-service": ["redis", "primary-db"],
  "payment-service": ["primary-db"],
};

/** 002 "Retry with Backoff" and "Circuit Breaker" on the one synchronous service-to-service call. */
const RESILIENT = {
  retry: { enabled: true, maxRetries: 3, backoff: "exponential", baseDelayMs: 1000, maxDelayMs: 8000, jitter: true },
  circuitBreaker: { enabled: true, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 },
} as const;

const services: ComponentSpec[] = SERVICES.map((service, row) => ({
  id: service.id,
  kind: "service",
  name: service.name,
  zoneId: "app-subnet",
  at: [7, row],
  config: { routes: [service.route] },
}));

const workers: ComponentSpec[] = WORKERS.map((worker, row) => ({
  id: worker.id,
  kind: "worker",
  name: worker.name,
  zoneId: "app-subnet",
  at: [9, row],
  config: { maxRetries: 3 },
}));

const serviceConnections: ConnectionSpec[] = SERVICES.flatMap((service): ConnectionSpec[] => {
  // The product service is Service B of the chain: the order service calls it with 50 s, so it waits 45 s.
  const callerTimeout = service.id === "product-service" ? TIMEOUTS.serviceB : TIMEOUTS.serviceA;
  return [
    { source: "api-gateway", target: service.id, timeoutMs: TIMEOUTS.gateway, pathPrefix: service.prefix },
    ...DATA_ACCESS[service.id].map((store): ConnectionSpec => ({ source: service.id, target: store, timeoutMs: callerTimeout })),
    { source: service.id, target: "secrets", timeoutMs: callerTimeout, label: "DB credentials, API keys" },
    { source: service.id, target: "observability", protocol: "async", label: "Logs, metrics, traces" },
  ];
});

const workerConnections: ConnectionSpec[] = WORKERS.flatMap((worker): ConnectionSpec[] => [
  { source: "message-queue", target: worker.id, protocol: "async" },
  { source: worker.id, target: "observability", protocol: "async" },
]);

export const distributedSystem: Template = {
  id: "distributed-system",
  title: "Large-scale distributed system",
  description:
    "The generic architecture of 002 \"Complete Architecture Diagram\": web, mobile and desktop clients go through DNS with " +
    "geo-routing, a CDN, a WAF and a token-bucket rate limiter (100 requests per minute per user, 1000 per IP) to a " +
    "least-connections load balancer that health-checks every 10 s, then a JWT-checking API gateway in front of the user, " +
    "product, order and payment services. Services use Redis and Memcached cache-aside, a PostgreSQL primary with two read " +
    "replicas, a NoSQL store in three shards, and publish to Kafka topics consumed by four background workers with three " +
    "retries and a dead-letter queue. Timeouts follow 002 \"Timeout Configuration\": 60 s at the client (each managed " +
    "edge hop takes a second off), 55 s from the gateway, 50 s from the services (the order service calls the product " +
    "service over gRPC with the 50 % / 60 s circuit breaker and exponential backoff with jitter of 002 \"Reliability " +
    "Patterns Applied\") and 45 s from the product service. " +
    "Left open as in the source: Memcached keeps session data on a single node with no replica.",
  source: { doc: "002", label: "Generic Large-Scale Distributed System Architecture" },
  openFindings: ["cache-replica"],
  design: buildDesign({
    name: "Large-scale distributed system",
    description: "Seed 002: edge and security layer, traffic management, services, caching, data and async layers, observability, secrets.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "vpc", kind: "vpc", name: "VPC (segmented network)", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "app-subnet", kind: "private-subnet", name: "Application layer", parentId: "vpc" },
      { id: "data-subnet", kind: "private-subnet", name: "Caching, data and async layers", parentId: "vpc" },
    ],
    components: [
      { id: "web-browser", kind: "client", name: "Web browser", at: [0, 0], config: { platform: "web" } },
      { id: "mobile-app", kind: "client", name: "Mobile app", at: [0, 1.5], config: { platform: "mobile" } },
      { id: "desktop-app", kind: "client", name: "Desktop app", at: [0, 3], config: { platform: "desktop" } },
      { id: "dns", kind: "dns", name: "DNS (Route 53)", at: [1, 1.5], config: { routingPolicy: "geolocation", healthChecks: true } },
      { id: "cdn", kind: "cdn", name: "CDN (CloudFront)", at: [2, 1.5] },
      { id: "waf", kind: "waf", name: "WAF", at: [3, 1.5] },
      {
        id: "rate-limiter",
        kind: "rate-limiter",
        name: "Rate limiter (token bucket)",
        at: [4, 1.5],
        config: { algorithm: "token-bucket", perUserPerMinute: 100, perIpPerMinute: 1000 },
      },
      {
        id: "load-balancer",
        kind: "load-balancer",
        name: "Load balancer",
        zoneId: "public-subnet",
        at: [5, 1.5],
        config: {
          algorithm: "least-connections",
          crossZone: true,
          healthCheck: { path: "/health", intervalSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 2 },
        },
      },
      { id: "api-gateway", kind: "api-gateway", name: "API gateway", zoneId: "app-subnet", at: [6, 1.5], config: { authentication: "jwt" } },
      ...services,
      { id: "redis", kind: "cache", name: "Redis cluster (master-replica, Sentinel)", zoneId: "data-subnet", at: [6, 5.5], config: { engine: "redis", replicas: 1, automaticFailover: true } },
      {
        id: "memcached",
        kind: "cache",
        name: "Memcached (session and hot data)",
        zoneId: "data-subnet",
        at: [6, 6.5],
        config: { engine: "memcached", engineVersion: "1.6", port: 11211, replicas: 0, automaticFailover: false },
      },
      { id: "primary-db", kind: "database", name: "PostgreSQL primary (read replicas 1..N)", zoneId: "data-subnet", at: [7, 5.5], config: { engine: "postgres", readReplicas: 2, instanceClass: "db.r5.2xlarge" } },
      { id: "nosql", kind: "nosql-database", name: "NoSQL (shards A-F, G-M, N-Z)", zoneId: "data-subnet", at: [7, 6.5], config: { engine: "cassandra", shards: 3, consistency: "eventual" } },
      {
        id: "message-queue",
        kind: "queue",
        name: "Kafka (order.created, payment.processed, email.send)",
        zoneId: "data-subnet",
        at: [8, 5.5],
        config: { engine: "kafka", mode: "stream", deadLetterQueue: true, maxReceiveCount: 3, partitions: 3 },
      },
      ...workers,
      { id: "observability", kind: "observability", name: "Observability (ELK, Prometheus, Jaeger, PagerDuty)", at: [10, 1] },
      { id: "secrets", kind: "secrets-manager", name: "Secrets manager (Vault)", at: [10, 3], config: { provider: "vault" } },
    ],
    connections: [
      { source: "web-browser", target: "dns", timeoutMs: TIMEOUTS.client },
      { source: "mobile-app", target: "dns", timeoutMs: TIMEOUTS.client },
      { source: "desktop-app", target: "dns", timeoutMs: TIMEOUTS.client },
      { source: "dns", target: "cdn", timeoutMs: TIMEOUTS.dns },
      { source: "cdn", target: "waf", timeoutMs: TIMEOUTS.cdn, label: "Cache miss" },
      { source: "waf", target: "rate-limiter", timeoutMs: TIMEOUTS.cdn },
      { source: "rate-limiter", target: "load-balancer", timeoutMs: TIMEOUTS.cdn },
      { source: "load-balancer", target: "api-gateway", timeoutMs: TIMEOUTS.loadBalancer },
      ...serviceConnections,
      {
        source: "order-service",
        target: "product-service",
        protocol: "grpc",
        timeoutMs: TIMEOUTS.serviceA,
        ...RESILIENT,
        label: "Check inventory (gRPC)",
      },
      { source: "order-service", target: "message-queue", protocol: "async", label: "order.created" },
      { source: "payment-service", target: "message-queue", protocol: "async", label: "payment.processed" },
      ...workerConnections,
    ],
  }),
};
