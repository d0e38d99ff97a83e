import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, loadBalanced, observed, queued, rateLimited, readReplicas, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Charge a card for an order (POST /api/payments) exactly once.", "Keep a double-entry ledger.", "Notify merchants by webhook.", "Monthly statements."],
  users: "1M daily active payers; 2 payments each per day.",
  readWriteRatio: "Write heavy on the request path; statements and reports read.",
  latency: "Authorisation under 500 ms p95.",
  consistency: "Strong: a bank balance reads from the primary (002 \"How do you handle database replication lag?\").",
  availability: "99.99 %.",
  scope: "Single region, Multi-AZ; data stays in the region.",
};

const paymentService = role("payment service", ["service"], /pay/i);

export const payments: Scenario = {
  id: "payments",
  title: "Payments",
  difficulty: "hard",
  summary: "Charge exactly once, record every movement in a ledger, and tell merchants, without losing money when anything fails.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "retries", question: "What if the client retries a payment?", answer: "It sends the same idempotency key; the second attempt must return the first result." },
    { id: "providers", question: "Do we talk to card networks ourselves?", answer: "No, through a payment provider's API; it may time out." },
  ],
  capacity: { requestsPerUserPerDay: 4, readShare: 0.5, peakFactor: 5, responseKb: 1, storedPerWriteKb: 2, retentionYears: 7, cacheHitRate: 0.5 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(paymentService, ROLES.database, { service: "payment-service", store: "ledger" }, { title: "Ledger in a relational database (ACID, strong consistency)" }),
    loadBalanced(paymentService),
    cacheAside(paymentService, { service: "payment-service", cache: "idempotency-keys" }, { id: "idempotency-store", title: "Idempotency keys in a shared store" }),
    queued(paymentService, role("webhook worker", ["worker", "service"], /webhook|notif|merchant/i), { producer: "payment-service", queue: "payment-events" }, { title: "Merchant webhooks through a queue" }),
    wafAtEdge(paymentService),
    rateLimited(paymentService),
    readReplicas(role("ledger", ["database"], /ledger/i), "ledger", { title: "Statements read from replicas, not the primary" }),
    autoscaled(paymentService, "payment-service"),
    redundant(paymentService, configure("ledger", { multiAz: false })),
    observed(),
  ],
  hints: [
    { id: "idempotency", text: "Store each idempotency key with its result (Redis, 24 h TTL) before calling the provider.", cost: 3 },
    { id: "ledger", text: "Money moves as ledger entries in one ACID transaction on a Multi-AZ primary.", cost: 3 },
    { id: "webhooks", text: "Publish payment.processed; a worker delivers webhooks with retries and a dead-letter queue.", cost: 2 },
  ],
  reference: webReference({
    name: "Payments (reference answer)",
    description: "Payment service with idempotency keys in Redis, a PostgreSQL ledger on a Multi-AZ primary, webhooks through a queue.",
    usersRps: 230,
    front: ["payment-service"],
    services: [{ id: "payment-service", kind: "service", name: "Payment service", config: { routes: [{ method: "POST", path: "/api/payments" }] } }],
    // Webhook consumers scale independently to drain a 10× spike (002 "Async Processing").
    workers: [{ id: "webhook-worker", kind: "worker", name: "Webhook worker", config: { autoscaling: { maxReplicas: 20 } } }],
    data: [
      // Ledger writes and balance reads stay on the primary (strong consistency): a 10× spike needs ~1,200 QPS there, so it runs
      // on the larger class 003 allows ("Scalability (Handle 10x Traffic Spikes)") at 3,000 QPS, within 002's ~1k-5k ("Numbers Matter").
      {
        id: "ledger",
        kind: "database",
        name: "Ledger database",
        config: { readReplicas: 1, backupRetentionDays: 35, instanceClass: "db.r5.2xlarge", capacityPerInstance: 3_000 },
      },
      { id: "idempotency-keys", kind: "cache", name: "Idempotency keys (Redis)", config: { ttlSeconds: 86_400 } },
      { id: "payment-events", kind: "queue", name: "payment.processed" },
    ],
    connections: [
      { source: "payment-service", target: "idempotency-keys" },
      { source: "payment-service", target: "ledger", label: "Ledger entries" },
      { source: "payment-service", target: "payment-events", protocol: "async" },
      { source: "payment-events", target: "webhook-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "Every payment carries an idempotency key checked in Redis first. The payment service writes balanced ledger entries in one transaction on a Multi-AZ " +
    "PostgreSQL primary and reads balances from it; statements use a replica. payment.processed events drive merchant webhooks with retries.",
};
