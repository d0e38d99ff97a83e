import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

export const urlShortener: Template = {
  id: "url-shortener",
  title: "URL shortener",
  description:
    "Short links are read thousands of times for every one created. CloudFront caches redirects for an hour, the shortener " +
    "service looks codes up in Redis before DynamoDB, and creating a link (POST /api/links) passes a WAF and a per-user rate " +
    "limiter so nobody can mint codes in bulk. Every redirect drops a click event on a queue; an analytics worker aggregates " +
    "the clicks into their own table, off the redirect path, with retries and a dead-letter queue. Credentials come from a " +
    "secrets manager and all workloads report to one observability stack.",
  source: { label: "Classic pattern: URL shortener" },
  openFindings: [],
  design: buildDesign({
    name: "URL shortener",
    description: "Cached redirects, a key-value link table, a rate-limited create API and asynchronous click analytics.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "app-subnet", kind: "private-subnet", name: "Application subnet", parentId: "vpc" },
      { id: "data-subnet", kind: "private-subnet", name: "Data subnet", parentId: "vpc" },
    ],
    components: [
      { id: "visitors", kind: "client", name: "Visitors and link creators", at: [0, 1], config: { requestsPerSecond: 2000 } },
      { id: "route-53", kind: "dns", name: "Route 53 (sho.rt)", at: [1, 1], config: { domain: "sho.rt" } },
      { id: "cloudfront", kind: "cdn", name: "CloudFront (cached redirects)", at: [2, 1], config: { defaultTtlSeconds: 3600, cacheHitRatePercent: 90 } },
      { id: "waf", kind: "waf", name: "WAF", at: [3, 1] },
      { id: "rate-limiter", kind: "rate-limiter", name: "Rate limiter (link creation)", at: [4, 1], config: { perUserPerMinute: 20, perIpPerMinute: 100 } },
      { id: "alb", kind: "load-balancer", name: "ALB", zoneId: "public-subnet", at: [5, 1] },
      {
        id: "shortener",
        kind: "service",
        name: "Shortener service",
        zoneId: "app-subnet",
        at: [6, 1],
        config: {
          routes: [
            { method: "POST", path: "/api/links" },
            { method: "GET", path: "/{code}" },
          ],
        },
      },
      { id: "analytics-worker", kind: "worker", name: "Click analytics worker", zoneId: "app-subnet", at: [8, 1], config: { maxRetries: 3 } },
      { id: "code-cache", kind: "cache", name: "Hot codes (Redis)", zoneId: "data-subnet", at: [6, 2.5], config: { replicas: 1, ttlSeconds: 86_400 } },
      { id: "links-table", kind: "nosql-database", name: "Links (DynamoDB)", zoneId: "data-subnet", at: [7, 2.5], config: { engine: "dynamodb" } },
      {
        id: "click-events",
        kind: "queue",
        name: "Click events (SQS)",
        zoneId: "data-subnet",
        at: [8, 2.5],
        config: { engine: "sqs", deadLetterQueue: true, maxReceiveCount: 3 },
      },
      { id: "click-stats", kind: "nosql-database", name: "Click statistics (DynamoDB)", zoneId: "data-subnet", at: [9, 2.5], config: { engine: "dynamodb" } },
      { id: "secrets", kind: "secrets-manager", name: "Secrets Manager", zoneId: "us-east-1", at: [10, 0] },
      { id: "observability", kind: "observability", name: "Observability", zoneId: "us-east-1", at: [10, 1.5] },
    ],
    connections: [
      { source: "visitors", target: "route-53", timeoutMs: 60_000 },
      { source: "route-53", target: "cloudfront", timeoutMs: 55_000 },
      { source: "cloudfront", target: "waf", timeoutMs: 50_000, label: "Cache miss, POST /api/links" },
      { source: "waf", target: "rate-limiter", timeoutMs: 50_000 },
      { source: "rate-limiter", target: "alb", timeoutMs: 50_000 },
      { source: "alb", target: "shortener", timeoutMs: 45_000 },
      { source: "shortener", target: "code-cache", timeoutMs: 1000, label: "Cache-aside" },
      { source: "shortener", target: "links-table", timeoutMs: 5000 },
      { source: "shortener", target: "click-events", protocol: "async", label: "Click" },
      { source: "shortener", target: "secrets", timeoutMs: 2000 },
      { source: "click-events", target: "analytics-worker", protocol: "async" },
      { source: "analytics-worker", target: "click-stats", timeoutMs: 5000 },
      { source: "analytics-worker", target: "secrets", timeoutMs: 2000 },
      { source: "shortener", target: "observability", protocol: "async" },
      { source: "analytics-worker", target: "observability", protocol: "async" },
    ],
  }),
};
