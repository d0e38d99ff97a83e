import { callsWith, role } from "../checks";
import { configure, configureConnection } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import { cite } from "../../model";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Place an order (POST /api/orders): validate, check inventory, write the order, reduce stock.", "Send a confirmation email.", "Take the payment."],
  users: "1M daily active shoppers; 1 in 20 places an order.",
  readWriteRatio: "This is the write path: every request writes.",
  latency: "Order accepted in 200-500 ms; email and payment continue asynchronously (002 WRITE flow).",
  consistency: "Strong: an order and its stock change commit in one ACID transaction.",
  availability: "99.99 %: every failed checkout is lost revenue.",
  scope: "Single region, Multi-AZ.",
};

const orderService = role("order service", ["service"], /order|checkout/i);
const productService = role("product service", ["service"], /product|inventory|catalog/i);

export const checkout: Scenario = {
  id: "checkout",
  title: "E-commerce checkout",
  difficulty: "hard",
  summary: "The write path of 002: accept an order in one transaction, check stock, then email and charge asynchronously.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "oversell", question: "Can we oversell stock?", answer: "No: the stock update and the order commit together." },
    { id: "payment-timing", question: "Must payment succeed before we answer?", answer: "No: answer 201 with status pending, charge asynchronously (002 WRITE flow, step 12)." },
  ],
  capacity: { requestsPerUserPerDay: 2, readShare: 0.2, peakFactor: 5, responseKb: 2, storedPerWriteKb: 4, retentionYears: 7, cacheHitRate: 0 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(orderService, ROLES.database, { service: "order-service", store: "orders-db" }, { title: "Orders committed to a relational database (ACID)" }),
    loadBalanced(orderService),
    {
      id: "inventory-circuit-breaker",
      title: "A circuit breaker on the inventory call",
      points: 10,
      category: "reliability",
      stage: "10k",
      explanation: "The order service checks stock through the product service; if that service is down, fail fast instead of piling up waiting requests (002 WRITE flow, step 8; \"Circuit Breaker\").",
      reference: "The order service calls the product service over gRPC with a circuit breaker (50 % failures, open 60 s).",
      check: callsWith(orderService, productService, "circuit breaker", (connection) => connection.circuitBreaker.enabled),
      breaks: configureConnection("order-service", "product-service", { circuitBreaker: { enabled: false } }),
      citation: cite("002", "Circuit Breaker"),
    },
    queued(orderService, role("email worker", ["worker", "service"], /email|mail|notif/i), { producer: "order-service", queue: "order-events" }, { title: "A queue between order and email" }),
    wafAtEdge(orderService),
    rateLimited(orderService),
    autoscaled(orderService, "order-service"),
    redundant(orderService, configure("orders-db", { multiAz: false }), { title: "No single point of failure on checkout" }),
    observed(),
  ],
  hints: [
    { id: "transaction", text: "BEGIN; INSERT the order; UPDATE inventory; COMMIT — both in the same relational database.", cost: 3 },
    { id: "async", text: "Email and payment do not need to finish before the 201: publish order.created and let workers consume it.", cost: 3 },
    { id: "breaker", text: "Select the connection from the order service to the product service and turn on its circuit breaker.", cost: 2 },
  ],
  reference: webReference({
    name: "E-commerce checkout (reference answer)",
    description: "002's write path: order service, ACID order + stock transaction, order.created consumed by email and payment workers.",
    usersRps: 120,
    front: ["order-service"],
    services: [
      { id: "order-service", kind: "service", name: "Order service", config: { routes: [{ method: "POST", path: "/api/orders" }] } },
      { id: "product-service", kind: "service", name: "Product service (inventory)", config: { routes: [{ method: "GET", path: "/api/products/{id}" }] } },
    ],
    workers: [
      { id: "email-worker", kind: "worker", name: "Email worker" },
      { id: "payment-worker", kind: "worker", name: "Payment worker" },
    ],
    data: [
      // Every checkout writes: a 10× spike needs ~1,900 QPS on the primary, so it runs on the larger class 003 allows
      // ("Scalability (Handle 10x Traffic Spikes)") at 3,000 QPS, within 002's ~1k-5k ("Numbers Matter").
      { id: "orders-db", kind: "database", name: "Orders database", config: { instanceClass: "db.r5.2xlarge", capacityPerInstance: 3_000 } },
      { id: "order-events", kind: "queue", name: "order.created" },
    ],
    connections: [
      { source: "order-service", target: "orders-db", label: "BEGIN … COMMIT" },
      { source: "order-service", target: "product-service", protocol: "grpc", circuitBreaker: { enabled: true }, label: "Check inventory" },
      { source: "product-service", target: "orders-db" },
      { source: "order-service", target: "order-events", protocol: "async" },
      { source: "order-events", target: "email-worker", protocol: "async" },
      { source: "order-events", target: "payment-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "POST /api/orders passes WAF and rate limiter to the order service, which checks inventory through the product service (circuit breaker) and commits the order " +
    "and the stock change in one PostgreSQL transaction on a Multi-AZ primary. It publishes order.created; email and payment workers consume it. " +
    "The client gets 201 with status pending.",
};
