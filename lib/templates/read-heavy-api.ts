import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

export const readHeavyApi: Template = {
  id: "read-heavy-api",
  title: "Read-heavy API behind a CDN",
  description:
    "A catalogue API that serves far more reads than writes, cached at three levels as in 002 \"Caching Strategy\": " +
    "CloudFront answers most GET requests at the edge for a minute, the service checks Redis (5-minute TTL, one replica) " +
    "before the database, and misses read from three PostgreSQL read replicas while writes go to the Multi-AZ primary. A WAF " +
    "and a rate limiter guard the origin; the service autoscales from 3 to 20 instances at 70 % CPU. Timeouts shrink by 5 s " +
    "per hop from the client's 60 s; cache and database calls are bounded at 1 s and 5 s.",
  source: { label: "Classic pattern: read-heavy API behind a CDN" },
  openFindings: [],
  design: buildDesign({
    name: "Read-heavy API behind a CDN",
    description: "Edge cache, cache-aside Redis and read replicas in front of one primary.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "app-subnet", kind: "private-subnet", name: "Application subnet", parentId: "vpc" },
      { id: "data-subnet", kind: "private-subnet", name: "Data subnet", parentId: "vpc" },
    ],
    components: [
      { id: "api-clients", kind: "client", name: "API clients", at: [0, 1], config: { platform: "web", requestsPerSecond: 5000 } },
      { id: "route-53", kind: "dns", name: "Route 53 (api.example.com)", at: [1, 1], config: { domain: "api.example.com" } },
      { id: "cloudfront", kind: "cdn", name: "CloudFront (GET cache)", at: [2, 1], config: { defaultTtlSeconds: 60, cacheHitRatePercent: 90 } },
      { id: "waf", kind: "waf", name: "WAF", at: [3, 1] },
      { id: "rate-limiter", kind: "rate-limiter", name: "Rate limiter", at: [4, 1] },
      { id: "alb", kind: "load-balancer", name: "ALB", zoneId: "public-subnet", at: [5, 1] },
      {
        id: "catalog-api",
        kind: "service",
        name: "Catalog API",
        zoneId: "app-subnet",
        at: [6, 1],
        config: {
          replicas: 3,
          autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 20, cpuTargetPercent: 70 },
          routes: [
            { method: "GET", path: "/api/products" },
            { method: "GET", path: "/api/products/{id}" },
            { method: "PUT", path: "/api/products/{id}" },
          ],
        },
      },
      { id: "catalog-cache", kind: "cache", name: "Catalog cache (Redis)", zoneId: "data-subnet", at: [6, 2.5], config: { replicas: 1, ttlSeconds: 300 } },
      {
        id: "catalog-db",
        kind: "database",
        name: "Catalog database (primary, 3 read replicas)",
        zoneId: "data-subnet",
        at: [7, 2.5],
        config: { multiAz: true, readReplicas: 3, instanceClass: "db.r5.large" },
      },
      { id: "secrets", kind: "secrets-manager", name: "Secrets Manager", zoneId: "us-east-1", at: [8, 0] },
      { id: "observability", kind: "observability", name: "Observability", zoneId: "us-east-1", at: [8, 1.5] },
    ],
    connections: [
      { source: "api-clients", target: "route-53", timeoutMs: 60_000 },
      { source: "route-53", target: "cloudfront", timeoutMs: 55_000 },
      { source: "cloudfront", target: "waf", timeoutMs: 50_000, label: "Cache miss" },
      { source: "waf", target: "rate-limiter", timeoutMs: 50_000 },
      { source: "rate-limiter", target: "alb", timeoutMs: 50_000 },
      { source: "alb", target: "catalog-api", timeoutMs: 45_000, pathPrefix: "/api/*" },
      { source: "catalog-api", target: "catalog-cache", timeoutMs: 1000, label: "Cache-aside" },
      { source: "catalog-api", target: "catalog-db", timeoutMs: 5000, label: "Reads from replicas, writes to primary" },
      { source: "catalog-api", target: "secrets", timeoutMs: 2000 },
      { source: "catalog-api", target: "observability", protocol: "async" },
    ],
  }),
};
