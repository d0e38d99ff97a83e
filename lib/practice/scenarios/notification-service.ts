import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Other services send notifications (POST /api/notifications).", "Deliver by push and email, honouring each user's preferences.", "Retry failed deliveries; never send twice."],
  users: "10M recipients; 1M notifications sent per hour at peak.",
  readWriteRatio: "Each notification reads preferences once and writes one delivery record.",
  latency: "Accepted in under 100 ms; delivered within 10 s.",
  consistency: "Eventual; preference changes apply within a minute.",
  availability: "99.95 % for accepting; delivery may lag during provider outages.",
  scope: "Single region.",
};

const notificationApi = role("notification API", ["service"], /notif/i);

export const notificationService: Scenario = {
  id: "notification-service",
  title: "Notification service",
  difficulty: "medium",
  summary: "Accept notifications fast, then fan them out to push and email providers with retries and dead-letter queues.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "channels", question: "Which channels?", answer: "Mobile push and email; SMS later." },
    { id: "priority", question: "Are some notifications urgent?", answer: "Security alerts must skip the queue behind marketing mail." },
  ],
  capacity: { requestsPerUserPerDay: 5, readShare: 0.2, peakFactor: 4, responseKb: 0.5, storedPerWriteKb: 1, retentionYears: 1, cacheHitRate: 0.95 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(notificationApi, ROLES.database, { service: "notification-api", store: "preferences-db" }, { title: "Preferences stored in a database" }),
    loadBalanced(notificationApi),
    cacheAside(notificationApi, { service: "notification-api", cache: "preferences-cache" }, { title: "Preferences cached" }),
    queued(notificationApi, role("push worker", ["worker", "service"], /push/i), { producer: "notification-api", queue: "push-queue" }, { id: "push-queue", title: "Push delivery through its own queue" }),
    queued(notificationApi, role("email worker", ["worker", "service"], /e-?mail/i), { producer: "notification-api", queue: "email-queue" }, { id: "email-queue", title: "Email delivery through its own queue" }),
    rateLimited(notificationApi, { title: "Callers are rate limited" }),
    autoscaled(notificationApi, "notification-api"),
    redundant(notificationApi, configure("preferences-db", { multiAz: false })),
    observed(),
  ],
  hints: [
    { id: "queues", text: "One queue per channel: a slow email provider must not hold up push notifications.", cost: 3 },
    { id: "dlq", text: "Workers retry with backoff; after 3 attempts a message goes to a dead-letter queue (002 ASYNC LAYER).", cost: 2 },
    { id: "naming", text: "Name the workers after their channel (Push worker, Email worker).", cost: 1 },
  ],
  reference: webReference({
    name: "Notification service (reference answer)",
    description: "A notification API over cached preferences, one queue and one worker per channel.",
    usersRps: 1100,
    front: ["notification-api"],
    services: [{ id: "notification-api", kind: "service", name: "Notification API", config: { routes: [{ method: "POST", path: "/api/notifications" }] } }],
    workers: [
      // Channel workers scale independently to drain a 10× spike (002 "Async Processing").
      { id: "push-worker", kind: "worker", name: "Push worker", config: { autoscaling: { maxReplicas: 20 } } },
      { id: "email-worker", kind: "worker", name: "Email worker", config: { autoscaling: { maxReplicas: 20 } } },
    ],
    data: [
      // Every notification writes a delivery record: a 10× spike needs ~1,900 QPS on the primary, so it runs on the larger
      // class 003 allows ("Scalability (Handle 10x Traffic Spikes)") at 3,000 QPS, within 002's ~1k-5k ("Numbers Matter").
      { id: "preferences-db", kind: "database", name: "Preferences database", config: { instanceClass: "db.r5.2xlarge", capacityPerInstance: 3_000 } },
      { id: "preferences-cache", kind: "cache", name: "Preferences cache" },
      { id: "push-queue", kind: "queue", name: "Push queue" },
      { id: "email-queue", kind: "queue", name: "Email queue" },
    ],
    connections: [
      { source: "notification-api", target: "preferences-cache" },
      { source: "notification-api", target: "preferences-db" },
      { source: "notification-api", target: "push-queue", protocol: "async" },
      { source: "notification-api", target: "email-queue", protocol: "async" },
      { source: "push-queue", target: "push-worker", protocol: "async" },
      { source: "email-queue", target: "email-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "The API validates the request, reads the recipient's preferences (cache-aside over PostgreSQL) and enqueues one message per channel. " +
    "Push and email workers scale independently, retry with backoff and park poison messages in dead-letter queues.",
};
