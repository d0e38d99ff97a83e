import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, cdnInFront, distributedCache, loadBalanced, observed, queued, readReplicas, redundant, ROLES, servesFrom } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Publish a post (POST /api/posts).", "Read a home feed of posts from followed accounts (GET /api/feed).", "Follow and unfollow accounts."],
  users: "1M daily active users, each opening the feed about 10 times a day.",
  readWriteRatio: "Feed reads outnumber posts 50 to 1.",
  latency: "Feed under 200 ms p95 (002 \"Start with Requirements\").",
  consistency: "Eventual: a post may take a few seconds to appear in followers' feeds.",
  availability: "99.9 %; a stale feed beats no feed.",
  scope: "Single region to start.",
};

const feedService = role("feed service", ["service"], /feed/i);
const postService = role("post service", ["service"], /post/i);

export const newsFeed: Scenario = {
  id: "news-feed",
  title: "News feed",
  difficulty: "medium",
  summary: "Posts fan out to followers' feeds; reading a feed must stay fast while celebrities post to millions.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "ranking", question: "Is the feed ranked or chronological?", answer: "Reverse chronological; ranking is out of scope." },
    { id: "celebrities", question: "How many followers can one account have?", answer: "Up to 10M; most have under 500." },
  ],
  capacity: { requestsPerUserPerDay: 12, readShare: 0.98, peakFactor: 3, responseKb: 20, storedPerWriteKb: 2, retentionYears: 3, cacheHitRate: 0.9 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(postService, ROLES.database, { service: "post-service", store: "posts-db" }, { title: "Posts are stored in a database" }),
    loadBalanced(ROLES.service),
    cacheAside(feedService, { service: "feed-service", cache: "feed-cache" }, { title: "Feeds are read from a cache" }),
    readReplicas(role("posts database", ["database"], /post/i), "posts-db"),
    queued(postService, role("fan-out worker", ["worker", "service"], /fan/i), { producer: "post-service", queue: "post-events" }, { title: "New posts fan out through a queue" }),
    cdnInFront(ROLES.service, { title: "Media and static assets from a CDN" }),
    distributedCache("feed-cache"),
    autoscaled(feedService, "feed-service"),
    redundant(feedService, configure("feed-cache", { automaticFailover: false }), { title: "No single point of failure behind the feed" }),
    observed(),
  ],
  hints: [
    { id: "fan-out", text: "Fan-out on write: when someone posts, push the post id into each follower's precomputed feed, asynchronously.", cost: 3 },
    { id: "feed-store", text: "Keep each user's feed as a list of post ids in Redis; the feed service reads it in one call.", cost: 3 },
    { id: "naming", text: "Name your services after their jobs (Feed service, Post service, Fan-out worker) so the rubric can tell them apart.", cost: 1 },
  ],
  reference: webReference({
    name: "News feed (reference answer)",
    description: "Fan-out on write into cached feeds, posts in PostgreSQL with read replicas.",
    usersRps: 420,
    front: ["feed-service", "post-service"],
    services: [
      { id: "feed-service", kind: "service", name: "Feed service", config: { routes: [{ method: "GET", path: "/api/feed" }] } },
      { id: "post-service", kind: "service", name: "Post service", config: { routes: [{ method: "POST", path: "/api/posts" }] } },
    ],
    workers: [{ id: "fanout-worker", kind: "worker", name: "Fan-out worker" }],
    data: [
      { id: "feed-cache", kind: "cache", name: "Feeds (Redis cluster)", config: { shards: 3 } },
      { id: "posts-db", kind: "database", name: "Posts database", config: { readReplicas: 2 } },
      { id: "post-events", kind: "queue", name: "Post events" },
    ],
    connections: [
      { source: "feed-service", target: "feed-cache" },
      { source: "feed-service", target: "posts-db", label: "Hydrate posts" },
      { source: "post-service", target: "posts-db" },
      { source: "post-service", target: "post-events", protocol: "async" },
      { source: "post-events", target: "fanout-worker", protocol: "async" },
      { source: "fanout-worker", target: "feed-cache" },
    ],
  }),
  referenceNotes:
    "Posting writes to PostgreSQL and publishes an event; a fan-out worker appends the post id to every follower's feed list in a Redis cluster. " +
    "Reading a feed is one cache read plus hydrating posts from read replicas. Celebrity posts can be merged at read time instead of fanned out.",
};
