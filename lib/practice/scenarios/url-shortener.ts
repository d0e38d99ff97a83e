import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { cacheAside, cdnInFront, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom, sharded } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Create a short code for a long URL (POST /api/links).", "Redirect GET /{code} to the long URL.", "Count clicks per link."],
  users: "1M daily active users at full scale; start with 1K.",
  readWriteRatio: "100 redirects for every link created: 99 % reads.",
  latency: "Redirects under 50 ms p95; creating a link under 200 ms p95.",
  consistency: "Eventual is fine for click counts; a new link must redirect within a second.",
  availability: "99.95 %: a broken redirect breaks someone else's page.",
  scope: "Global users, one region to start.",
};

const shortener = role("redirect service", ["service"]);
const linkTable = role("link table", ["nosql-database"], /link/i);

export const urlShortener: Scenario = {
  id: "url-shortener",
  title: "URL shortener",
  difficulty: "easy",
  summary: "Mint short codes and redirect billions of clicks, counting them without slowing the redirect down.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "custom-codes", question: "Can users choose their own codes?", answer: "Yes, if the code is free; otherwise 7 random base62 characters." },
    { id: "expiry", question: "Do links expire?", answer: "Optionally after a date the creator sets; keep links 5 years by default." },
  ],
  capacity: { requestsPerUserPerDay: 20, readShare: 0.99, peakFactor: 3, responseKb: 0.5, storedPerWriteKb: 0.5, retentionYears: 5, cacheHitRate: 0.9 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(shortener, ROLES.anyDatabase, { service: "shortener", store: "links" }, { title: "The redirect service looks codes up in a link table" }),
    loadBalanced(shortener),
    cacheAside(shortener, { service: "shortener", cache: "code-cache" }, { title: "Hot codes cached in memory" }),
    cdnInFront(shortener, { title: "Redirects cached at the CDN" }),
    rateLimited(shortener, { title: "Link creation is rate limited" }),
    queued(shortener, role("click analytics worker", ["worker", "service"], /click|analytic/i), { producer: "shortener", queue: "click-events" }, { title: "Clicks counted through a queue, off the redirect path" }),
    sharded(linkTable, "links"),
    redundant(shortener, configure("code-cache", { automaticFailover: false })),
    observed(),
  ],
  hints: [
    { id: "read-heavy", text: "99 % of traffic is redirects: what can answer a redirect without touching the database?", cost: 2 },
    { id: "click-count", text: "Counting a click must not slow the redirect: hand the click to something that processes it later.", cost: 3 },
    { id: "key-value", text: "A code → URL lookup is a key-value access; a partitioned NoSQL table scales it by key.", cost: 3 },
  ],
  reference: webReference({
    name: "URL shortener (reference answer)",
    description: "Cached redirects, a partitioned link table and click counting through a queue.",
    usersRps: 700,
    front: ["shortener"],
    services: [{ id: "shortener", kind: "service", name: "Shortener service", config: { routes: [{ method: "POST", path: "/api/links" }, { method: "GET", path: "/{code}" }] } }],
    workers: [{ id: "click-worker", kind: "worker", name: "Click analytics worker" }],
    data: [
      { id: "code-cache", kind: "cache", name: "Hot codes (Redis)", config: { ttlSeconds: 86_400 } },
      { id: "links", kind: "nosql-database", name: "Links (DynamoDB)", config: { shards: 4 } },
      { id: "click-events", kind: "queue", name: "Click events" },
      { id: "click-stats", kind: "nosql-database", name: "Click statistics (DynamoDB)" },
    ],
    connections: [
      { source: "shortener", target: "code-cache", label: "Cache-aside" },
      { source: "shortener", target: "links" },
      { source: "shortener", target: "click-events", protocol: "async" },
      { source: "click-events", target: "click-worker", protocol: "async" },
      { source: "click-worker", target: "click-stats" },
    ],
  }),
  referenceNotes:
    "Redirects are cached at the CDN and in Redis, so the link table sees a small share of reads. Codes live in a DynamoDB table partitioned by code. " +
    "Each redirect drops a click event on a queue; a worker aggregates clicks off the redirect path. Creating links is rate limited per user.",
};
