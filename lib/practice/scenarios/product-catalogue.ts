import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, cdnInFront, distributedCache, loadBalanced, observed, readReplicas, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Show a product page (GET /api/products/{id}).", "Browse and filter categories.", "Merchants update products a few times a day."],
  users: "1M daily active shoppers (002 \"Start with Requirements\": 1M daily active).",
  readWriteRatio: "90 % read, 10 % write (002 \"Start with Requirements\").",
  latency: "<200 ms p95; 5-20 ms when cached (002 READ flow).",
  consistency: "Eventual is fine: a price change may take a minute to show.",
  availability: "99.9 %.",
  scope: "Single region to start.",
};

const productService = role("product service", ["service"]);

export const productCatalogue: Scenario = {
  id: "product-catalogue",
  title: "Product catalogue",
  difficulty: "easy",
  summary: "The read path of 002: serve product pages fast through CDN, cache and read replicas.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "catalogue-size", question: "How many products?", answer: "10 million products, about 5 KB each with images stored elsewhere." },
    { id: "images", question: "Who serves the images?", answer: "They are static files: serve them from a CDN." },
  ],
  capacity: { requestsPerUserPerDay: 30, readShare: 0.9, peakFactor: 3, responseKb: 5, storedPerWriteKb: 5, retentionYears: 1, cacheHitRate: 0.85 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(productService, ROLES.database, { service: "product-service", store: "products-db" }, { title: "Products read from a database" }),
    loadBalanced(productService),
    cacheAside(productService, { service: "product-service", cache: "product-cache" }, { title: "Cache-aside in front of the database" }),
    cdnInFront(productService),
    readReplicas(ROLES.database, "products-db"),
    wafAtEdge(productService),
    distributedCache("product-cache"),
    autoscaled(productService, "product-service"),
    redundant(productService, configure("products-db", { multiAz: false })),
    observed(),
  ],
  hints: [
    { id: "cache-aside", text: "Check the cache, on a miss query the database, write the cache with a TTL of 1 hour (002 READ flow, steps 8-10).", cost: 2 },
    { id: "replicas", text: "Read from a read replica to reduce load on the primary (002 READ flow, step 9).", cost: 2 },
    { id: "edge", text: "Static assets and cacheable GETs can be answered by the CDN before they reach you.", cost: 2 },
  ],
  reference: webReference({
    name: "Product catalogue (reference answer)",
    description: "002's read path: CDN, WAF, rate limiter, load balancer, product service with Redis cache-aside over PostgreSQL read replicas.",
    usersRps: 1000,
    front: ["product-service"],
    services: [{ id: "product-service", kind: "service", name: "Product service", config: { routes: [{ method: "GET", path: "/api/products/{id}" }] } }],
    data: [
      { id: "product-cache", kind: "cache", name: "Product cache (Redis cluster)", config: { shards: 3, ttlSeconds: 3600 } },
      { id: "products-db", kind: "database", name: "Products database", config: { readReplicas: 2 } },
    ],
    connections: [
      { source: "product-service", target: "product-cache", label: "Cache-aside" },
      { source: "product-service", target: "products-db" },
    ],
  }),
  referenceNotes:
    "The CDN answers cacheable GETs at the edge; misses pass WAF and rate limiter to the load balancer and an autoscaled product service. " +
    "It checks a Redis cluster first (TTL 1 hour) and on a miss reads a PostgreSQL read replica, then writes the cache.",
};
