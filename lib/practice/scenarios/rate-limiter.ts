import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, distributedCache, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Limit each API key to its plan's requests per minute (Free 10/min, Premium 100/min).", "Answer 429 Too Many Requests when exceeded.", "Change limits without redeploying."],
  users: "100K API keys, 1M end users behind them.",
  readWriteRatio: "Every request reads its plan limit and increments an in-memory counter; the durable store changes only with plans: 99 % reads.",
  latency: "The check adds under 5 ms p99.",
  consistency: "Approximate across instances is fine; limits are per minute.",
  availability: "99.99 %; if the limiter store fails, let traffic through rather than block everyone.",
  scope: "Single region.",
};

const apiService = role("API service", ["service"], /api/i);
const quotaService = role("quota service", ["service"], /quota|limit/i);

export const rateLimiterScenario: Scenario = {
  id: "rate-limiter",
  title: "Rate limiter",
  difficulty: "medium",
  summary: "A distributed token-bucket limiter shared by every API instance, with limits per plan (002 \"Rate Limiter (Token Bucket / Sliding Window)\").",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "algorithm", question: "Token bucket or sliding window?", answer: "Either; bursts up to the per-minute limit are allowed." },
    { id: "keys", question: "Limit by user, by IP or both?", answer: "Both: 100 req/min per user, 1000 req/min per IP (002)." },
  ],
  capacity: { requestsPerUserPerDay: 100, readShare: 0.99, peakFactor: 3, responseKb: 1, storedPerWriteKb: 0.1, retentionYears: 0.1, cacheHitRate: 1 },
  stages: DEFAULT_STAGES,
  rubric: [
    rateLimited(apiService, { stage: "1k", points: 15, title: "Every API request passes the rate limiter" }),
    cacheAside(quotaService, { service: "quota-service", cache: "counters" }, { stage: "1k", id: "shared-counters", title: "Counters in a shared in-memory store" }),
    loadBalanced(apiService),
    servesFrom(quotaService, ROLES.database, { service: "quota-service", store: "plans-db" }, { stage: "10k", title: "Limits per plan stored durably" }),
    wafAtEdge(apiService),
    queued(quotaService, role("usage analytics worker", ["worker", "service"], /usage|analytic/i), { producer: "quota-service", queue: "throttle-events" }, { title: "Throttling events analysed off the request path" }),
    distributedCache("counters"),
    autoscaled(apiService, "api-service"),
    redundant(apiService, configure("counters", { automaticFailover: false }), { title: "The limiter store is not a single point of failure" }),
    observed(),
  ],
  hints: [
    { id: "shared", text: "Counters must be shared by all instances: INCR with an expiry in Redis, not in process memory.", cost: 3 },
    { id: "fail-open", text: "If the counter store fails, fail open and alert: blocking all traffic is worse than letting it through.", cost: 2 },
    { id: "naming", text: "Name the service that checks quotas “Quota service” and the one behind the load balancer “API service”.", cost: 1 },
  ],
  reference: webReference({
    name: "Rate limiter (reference answer)",
    description: "Edge rate limiter plus a quota service over Redis counters; plans in PostgreSQL; throttling events analysed asynchronously.",
    usersRps: 3500,
    front: ["api-service"],
    services: [
      { id: "api-service", kind: "service", name: "API service" },
      { id: "quota-service", kind: "service", name: "Quota service", config: { routes: [{ method: "POST", path: "/api/quota/check" }] } },
    ],
    workers: [{ id: "usage-worker", kind: "worker", name: "Usage analytics worker" }],
    data: [
      { id: "counters", kind: "cache", name: "Counters (Redis cluster)", config: { shards: 3, ttlSeconds: 60 } },
      { id: "plans-db", kind: "database", name: "Plans database", config: { readReplicas: 2 } },
      { id: "throttle-events", kind: "queue", name: "Throttle events" },
    ],
    connections: [
      { source: "api-service", target: "quota-service", timeoutMs: 1000, label: "Check quota" },
      { source: "quota-service", target: "counters", label: "INCR + EXPIRE" },
      { source: "quota-service", target: "plans-db" },
      { source: "quota-service", target: "throttle-events", protocol: "async" },
      { source: "throttle-events", target: "usage-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "A per-IP limiter at the edge drops floods early. Per-key limits are checked by a quota service shared by all API instances: it increments a counter " +
    "with a 60 s expiry in a Redis cluster and reads plan limits from PostgreSQL (cached). Throttling events go to a queue for usage analytics.",
};
