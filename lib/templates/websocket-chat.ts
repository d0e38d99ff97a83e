import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

export const websocketChat: Template = {
  id: "websocket-chat",
  title: "WebSocket chat",
  description:
    "Clients hold a WebSocket to a fleet of chat servers behind a WAF, a rate limiter and an ALB that routes /ws/* to the chat service and " +
    "/api/* to the history service (heartbeats every 30 s keep idle sockets under the ALB's 60 s idle timeout). A chat server " +
    "that receives a message stores it in a Cassandra table partitioned by conversation, then publishes it on Redis pub/sub so " +
    "the servers holding the recipients' sockets deliver it; Redis also tracks presence. Recipients who are offline get a push " +
    "notification from a worker fed by a queue with a dead-letter queue. Every workload reads credentials from a secrets " +
    "manager and reports to one observability stack.",
  source: { label: "Classic pattern: WebSocket chat" },
  openFindings: [],
  design: buildDesign({
    name: "WebSocket chat",
    description: "Chat servers holding WebSockets, Redis pub/sub and presence, a Cassandra message store and push notifications.",
    settings: { cloudRegion: "us-east-1", computePlatform: "eks" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "chat-namespace", kind: "k8s-namespace", name: "chat namespace", parentId: "vpc" },
      { id: "data-subnet", kind: "private-subnet", name: "Data subnet", parentId: "vpc" },
    ],
    components: [
      { id: "chat-clients", kind: "client", name: "Chat clients (web and mobile)", at: [0, 1], config: { platform: "mobile" } },
      { id: "route-53", kind: "dns", name: "Route 53 (chat.example.com)", at: [1, 1], config: { domain: "chat.example.com" } },
      { id: "waf", kind: "waf", name: "WAF", at: [2, 1] },
      { id: "rate-limiter", kind: "rate-limiter", name: "Rate limiter (connects and messages)", at: [3, 1] },
      { id: "alb", kind: "load-balancer", name: "ALB (WebSocket upgrade)", zoneId: "public-subnet", at: [4, 1], config: { idleTimeoutSeconds: 60 } },
      {
        id: "chat-service",
        kind: "service",
        name: "Chat service (WebSocket)",
        zoneId: "chat-namespace",
        at: [5, 0],
        config: { replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 30 }, stateless: true, routes: [{ method: "GET", path: "/ws/connect" }] },
      },
      {
        id: "history-service",
        kind: "service",
        name: "History service (REST)",
        zoneId: "chat-namespace",
        at: [5, 2],
        config: { routes: [{ method: "GET", path: "/api/conversations/{id}/messages" }] },
      },
      {
        id: "push-worker",
        kind: "worker",
        name: "Push notification worker",
        zoneId: "chat-namespace",
        at: [7, 0],
        config: { maxRetries: 3 },
      },
      {
        id: "pubsub-cache",
        kind: "cache",
        name: "Redis (pub/sub and presence)",
        zoneId: "data-subnet",
        at: [5, 3.5],
        config: { engine: "redis", replicas: 1, automaticFailover: true, ttlSeconds: 60 },
      },
      {
        id: "messages-db",
        kind: "nosql-database",
        name: "Messages (Cassandra, by conversation)",
        zoneId: "data-subnet",
        at: [6, 3.5],
        config: { engine: "cassandra", port: 9042, shards: 6, replicationFactor: 3, consistency: "eventual" },
      },
      {
        id: "notification-queue",
        kind: "queue",
        name: "Offline notifications (SQS)",
        zoneId: "data-subnet",
        at: [7, 3.5],
        config: { engine: "sqs", deadLetterQueue: true, maxReceiveCount: 3 },
      },
      { id: "secrets", kind: "secrets-manager", name: "Secrets Manager", zoneId: "us-east-1", at: [8, 0.5] },
      { id: "observability", kind: "observability", name: "Observability", zoneId: "us-east-1", at: [8, 2] },
    ],
    connections: [
      { source: "chat-clients", target: "route-53", timeoutMs: 60_000 },
      { source: "route-53", target: "waf", timeoutMs: 55_000 },
      { source: "waf", target: "rate-limiter", timeoutMs: 55_000 },
      { source: "rate-limiter", target: "alb", timeoutMs: 55_000 },
      { source: "alb", target: "chat-service", timeoutMs: 50_000, pathPrefix: "/ws/*", label: "WebSocket" },
      { source: "alb", target: "history-service", timeoutMs: 50_000, pathPrefix: "/api/*" },
      { source: "chat-service", target: "pubsub-cache", timeoutMs: 1000, label: "Publish, presence" },
      { source: "chat-service", target: "messages-db", timeoutMs: 5000, label: "Store message" },
      { source: "chat-service", target: "notification-queue", protocol: "async", label: "Recipient offline" },
      { source: "chat-service", target: "secrets", timeoutMs: 2000 },
      { source: "history-service", target: "messages-db", timeoutMs: 5000 },
      { source: "history-service", target: "secrets", timeoutMs: 2000 },
      { source: "notification-queue", target: "push-worker", protocol: "async" },
      { source: "chat-service", target: "observability", protocol: "async" },
      { source: "history-service", target: "observability", protocol: "async" },
      { source: "push-worker", target: "observability", protocol: "async" },
    ],
  }),
};
