import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom, sharded } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["One-to-one and group chats over WebSockets.", "Message history per conversation.", "Online presence.", "Push notifications to offline users."],
  users: "1M daily active users; 100K connected at once at peak.",
  readWriteRatio: "Roughly 1:1: every message is written once and delivered to a few readers.",
  latency: "Delivery under 200 ms p95 between online users.",
  consistency: "Messages in order per conversation; presence may be eventually consistent.",
  availability: "99.95 %; messages must never be lost once acknowledged.",
  scope: "Global users, one region to start.",
};

const chatService = role("chat service", ["service"], /chat|message/i);

export const chat: Scenario = {
  id: "chat",
  title: "Chat",
  difficulty: "medium",
  summary: "Deliver messages between online users in real time, keep history, show presence and push to offline users.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "group-size", question: "How large can a group be?", answer: "Up to 500 members." },
    { id: "history", question: "How long is history kept?", answer: "Forever; most reads are of the last 50 messages." },
  ],
  capacity: { requestsPerUserPerDay: 100, readShare: 0.5, peakFactor: 3, responseKb: 1, storedPerWriteKb: 1, retentionYears: 5, cacheHitRate: 0.5 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(chatService, ROLES.nosql, { service: "chat-service", store: "messages" }, { title: "Messages stored in a partitioned message store" }),
    loadBalanced(chatService, { title: "Connections spread by a load balancer" }),
    cacheAside(chatService, { service: "chat-service", cache: "presence" }, { id: "presence-cache", title: "Presence kept in an in-memory store" }),
    queued(chatService, role("push notification worker", ["worker", "service"], /push|notif/i), { producer: "chat-service", queue: "offline-messages" }, { title: "Offline users notified through a queue" }),
    rateLimited(chatService, { title: "Senders are rate limited" }),
    sharded(role("message store", ["nosql-database"], /message/i), "messages", { title: "Messages partitioned by conversation" }),
    autoscaled(chatService, "chat-service"),
    redundant(chatService, configure("presence", { automaticFailover: false })),
    observed(),
  ],
  hints: [
    { id: "history-store", text: "Message history is append-heavy and read by conversation: a wide-column store partitioned by conversation id fits.", cost: 3 },
    { id: "presence", text: "Presence changes constantly and may be lost: keep it in Redis with a short TTL.", cost: 2 },
    { id: "offline", text: "A user who is offline gets a push notification: publish to a queue and let a worker talk to the push providers.", cost: 3 },
  ],
  reference: webReference({
    name: "Chat (reference answer)",
    description: "WebSocket chat service, Cassandra history, Redis presence, pushes through a queue.",
    usersRps: 3500,
    // A 10× spike at 1M users sends ~19k requests/s past the CDN, twice 002's ~10k for one load balancer node ("Numbers Matter").
    loadBalancerCapacity: 40_000,
    front: ["chat-service"],
    services: [
      {
        id: "chat-service",
        kind: "service",
        name: "Chat service (WebSockets)",
        // ~19k requests/s at 500 per instance (003 "Performance Optimization"): auto-scaling adds instances (002 "Failure Scenarios").
        config: { routes: [{ method: "GET", path: "/ws" }], autoscaling: { maxReplicas: 50 } },
      },
    ],
    // One push per message at 200 messages/s per consumer; consumers scale independently of the service (002 "Async Processing").
    workers: [{ id: "push-worker", kind: "worker", name: "Push notification worker", config: { autoscaling: { maxReplicas: 120 } } }],
    data: [
      { id: "messages", kind: "nosql-database", name: "Messages (Cassandra)", config: { engine: "cassandra", shards: 6 } },
      { id: "presence", kind: "cache", name: "Presence (Redis)", config: { ttlSeconds: 60 } },
      { id: "offline-messages", kind: "queue", name: "Offline messages" },
    ],
    connections: [
      { source: "chat-service", target: "messages" },
      { source: "chat-service", target: "presence" },
      { source: "chat-service", target: "offline-messages", protocol: "async" },
      { source: "offline-messages", target: "push-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "Clients hold WebSockets to stateless chat instances behind the load balancer. Messages are appended to Cassandra partitioned by conversation; " +
    "presence lives in Redis with a short TTL. Messages for offline users go to a queue that a push worker drains.",
};
