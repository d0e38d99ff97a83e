import { buildDesign, type ComponentSpec, type ConnectionSpec } from "./support/build";
import type { Template } from "./support/types";

/** Each consumer of the order.created stream and the store it updates, if any. */
const WORKERS = [
  { id: "payment-worker", name: "Payment worker", store: "orders-db" },
  { id: "inventory-worker", name: "Inventory worker", store: "orders-db" },
  { id: "notification-worker", name: "Notification worker (email, push)", store: undefined },
] as const;

const workers: ComponentSpec[] = WORKERS.map((worker, row) => ({
  id: worker.id,
  kind: "worker",
  name: worker.name,
  zoneId: "services",
  at: [6, row],
  config: { replicas: 2, maxRetries: 3 },
}));

const workerConnections: ConnectionSpec[] = WORKERS.flatMap((worker): ConnectionSpec[] => [
  { source: "order-events", target: worker.id, protocol: "async", label: "order.created" },
  ...(worker.store ? [{ source: worker.id, target: worker.store, timeoutMs: 5000 }] : []),
  { source: worker.id, target: "secrets", timeoutMs: 2000 },
  { source: worker.id, target: "observability", protocol: "async" },
]);

export const eventDrivenOrders: Template = {
  id: "event-driven-orders",
  title: "Event-driven order pipeline",
  description:
    "The write path of 002 \"WRITE Operation Flow (e.g., POST /api/orders)\" on its own: the order service validates the " +
    "order, commits it to PostgreSQL and answers 201 at once, then publishes order.created to an event stream. Payment, " +
    "inventory and notification workers each consume the stream in their own consumer group, retry a message three times " +
    "with backoff and park it in a dead-letter queue after that, so a slow email provider never holds up a checkout. The " +
    "public API sits behind a WAF and an API gateway that checks JWTs and throttles callers; every workload reads its " +
    "credentials from a secrets manager and reports to one observability stack.",
  source: { label: "Classic pattern: event-driven order pipeline" },
  openFindings: [],
  design: buildDesign({
    name: "Event-driven order pipeline",
    description: "An order service that commits and publishes, a stream with a dead-letter queue, and independent workers.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "services", kind: "private-subnet", name: "Services and workers", parentId: "vpc" },
      { id: "data", kind: "private-subnet", name: "Data and messaging", parentId: "vpc" },
    ],
    components: [
      { id: "shoppers", kind: "client", name: "Shoppers (web and mobile)", at: [0, 1] },
      { id: "route-53", kind: "dns", name: "Route 53 (api.shop.example.com)", at: [1, 1], config: { domain: "api.shop.example.com" } },
      { id: "waf", kind: "waf", name: "WAF", at: [2, 1] },
      {
        id: "api-gateway",
        kind: "api-gateway",
        name: "API gateway",
        zoneId: "us-east-1",
        at: [3, 1],
        config: { authentication: "jwt", vpcLink: true, throttleRatePerSecond: 1000, throttleBurst: 500 },
      },
      {
        id: "order-service",
        kind: "service",
        name: "Order service",
        zoneId: "services",
        at: [4, 1],
        config: { routes: [{ method: "POST", path: "/api/orders" }, { method: "GET", path: "/api/orders/{id}" }] },
      },
      { id: "orders-db", kind: "database", name: "Orders database (PostgreSQL)", zoneId: "data", at: [4, 3.5], config: { multiAz: true, instanceClass: "db.r5.large", pool: { connectionTimeoutMs: 3000 } } },
      {
        id: "order-events",
        kind: "queue",
        name: "order.created stream (dead-letter queue)",
        zoneId: "data",
        at: [5, 3.5],
        config: { engine: "kafka", mode: "stream", deadLetterQueue: true, maxReceiveCount: 3, partitions: 6 },
      },
      ...workers,
      { id: "secrets", kind: "secrets-manager", name: "Secrets Manager", zoneId: "us-east-1", at: [7, 0] },
      { id: "observability", kind: "observability", name: "Observability", zoneId: "us-east-1", at: [7, 2] },
    ],
    connections: [
      { source: "shoppers", target: "route-53", timeoutMs: 60_000 },
      { source: "route-53", target: "waf", timeoutMs: 55_000 },
      { source: "waf", target: "api-gateway", timeoutMs: 55_000 },
      { source: "api-gateway", target: "order-service", timeoutMs: 29_000, pathPrefix: "/api/orders" },
      { source: "order-service", target: "orders-db", timeoutMs: 5000, label: "BEGIN; INSERT order; COMMIT" },
      { source: "order-service", target: "order-events", protocol: "async", label: "Publish order.created" },
      { source: "order-service", target: "secrets", timeoutMs: 2000 },
      { source: "order-service", target: "observability", protocol: "async" },
      ...workerConnections,
    ],
  }),
};
