import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { cacheAside, cdnInFront, distributedCache, loadBalanced, observed, queued, redundant, ROLES, servesFrom, sharded } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Suggest the top 10 completions for a typed prefix (GET /api/suggest?q=).", "Rank by popularity over the last week.", "Filter offensive terms."],
  users: "1M daily active users typing 20 searches a day, one request per keystroke.",
  readWriteRatio: "Reads only on the request path; popularity is updated in batches.",
  latency: "Under 100 ms p95 end to end; every keystroke waits for it.",
  consistency: "Eventual: new trending terms may take an hour to appear.",
  availability: "99.9 %; the search box still works without suggestions.",
  scope: "Global, English only to start.",
};

const suggestService = role("suggestion service", ["service"], /suggest|autocomplete|typeahead/i);

export const searchAutocomplete: Scenario = {
  id: "search-autocomplete",
  title: "Search autocomplete",
  difficulty: "medium",
  summary: "Top-10 completions per keystroke under 100 ms, rebuilt from query logs in the background.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "personal", question: "Are suggestions personalised?", answer: "No, the same for everyone." },
    { id: "freshness", question: "How fresh must popularity be?", answer: "Rebuilt every hour from the query log." },
  ],
  capacity: { requestsPerUserPerDay: 120, readShare: 0.95, peakFactor: 3, responseKb: 0.5, storedPerWriteKb: 0.1, retentionYears: 0.1, cacheHitRate: 0.95 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(suggestService, ROLES.anyDatabase, { service: "suggest-service", store: "terms" }, { title: "Completions served from a prefix index" }),
    cacheAside(suggestService, { service: "suggest-service", cache: "prefix-cache" }, { title: "Top prefixes served from memory" }),
    loadBalanced(suggestService),
    cdnInFront(suggestService, { title: "Popular prefixes cached at the edge" }),
    queued(suggestService, role("aggregation worker", ["worker", "service"], /aggregat|index|rank/i), { producer: "suggest-service", queue: "query-log" }, { title: "Query log aggregated off the request path" }),
    distributedCache("prefix-cache"),
    sharded(role("prefix index", ["nosql-database"], /term|prefix|index/i), "terms", { title: "Prefix index partitioned by prefix" }),
    redundant(suggestService, configure("prefix-cache", { automaticFailover: false })),
    observed(),
  ],
  hints: [
    { id: "precompute", text: "Precompute the top 10 completions for every prefix; a request is then a single key lookup.", cost: 3 },
    { id: "edge", text: "Short prefixes are the same for everyone: cache them at the CDN for a few minutes.", cost: 2 },
    { id: "log", text: "Log queries to a queue; a worker aggregates them and rebuilds the index hourly.", cost: 2 },
  ],
  reference: webReference({
    name: "Search autocomplete (reference answer)",
    description: "Precomputed top-10 lists per prefix in a partitioned store behind Redis and the CDN; query logs aggregated asynchronously.",
    usersRps: 8300,
    front: ["suggest-service"],
    services: [{ id: "suggest-service", kind: "service", name: "Suggestion service", config: { routes: [{ method: "GET", path: "/api/suggest" }] } }],
    workers: [{ id: "aggregator", kind: "worker", name: "Aggregation worker" }],
    data: [
      { id: "prefix-cache", kind: "cache", name: "Prefix cache (Redis cluster)", config: { shards: 4, ttlSeconds: 3600 } },
      { id: "terms", kind: "nosql-database", name: "Prefix index (DynamoDB)", config: { shards: 8 } },
      { id: "query-log", kind: "queue", name: "Query log", config: { engine: "kafka", mode: "stream" } },
    ],
    connections: [
      { source: "suggest-service", target: "prefix-cache" },
      { source: "suggest-service", target: "terms" },
      { source: "suggest-service", target: "query-log", protocol: "async" },
      { source: "query-log", target: "aggregator", protocol: "async" },
      { source: "aggregator", target: "terms" },
    ],
  }),
  referenceNotes:
    "Each prefix maps to a precomputed top-10 list in a partitioned table. The CDN and a Redis cluster answer almost every keystroke. " +
    "Queries stream to Kafka; an aggregation worker recomputes popularity hourly and rewrites the index.",
};
