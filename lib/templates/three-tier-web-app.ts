import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

export const threeTierWebApp: Template = {
  id: "three-tier-web-app",
  title: "Three-tier web application",
  description:
    "The classic split into presentation, application and data tiers, each in its own private subnet. CloudFront serves static " +
    "assets from S3 and sends page requests through a WAF and a rate limiter to a public ALB; the web tier calls the application tier through an " +
    "internal ALB with retries and a circuit breaker; the application tier reads and writes a Multi-AZ PostgreSQL database, " +
    "keeps sessions in a replicated Redis cache and fetches its credentials from a secrets manager. Both tiers autoscale from 2 " +
    "instances and report to one observability stack. Timeouts shrink by 5 s per hop from the browser's 60 s; data calls are " +
    "bounded at a few seconds.",
  source: { label: "Classic pattern: three-tier web application" },
  openFindings: [],
  design: buildDesign({
    name: "Three-tier web application",
    description: "Presentation, application and data tiers in private subnets behind CloudFront, a WAF and a public ALB.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc", cidr: "10.0.0.0/24" },
      { id: "web-tier", kind: "private-subnet", name: "Web tier", parentId: "vpc", cidr: "10.0.1.0/24" },
      { id: "app-tier", kind: "private-subnet", name: "Application tier", parentId: "vpc", cidr: "10.0.2.0/24" },
      { id: "data-tier", kind: "private-subnet", name: "Data tier", parentId: "vpc", cidr: "10.0.3.0/24" },
    ],
    components: [
      { id: "browsers", kind: "client", name: "Browsers", at: [0, 1] },
      { id: "route-53", kind: "dns", name: "Route 53 (shop.example.com)", at: [1, 1], config: { domain: "shop.example.com" } },
      { id: "cloudfront", kind: "cdn", name: "CloudFront", at: [2, 1] },
      { id: "static-assets", kind: "object-storage", name: "Static assets (S3)", at: [2, 2.5] },
      { id: "waf", kind: "waf", name: "WAF", at: [3, 1] },
      { id: "rate-limiter", kind: "rate-limiter", name: "Rate limiter", at: [4, 1] },
      { id: "public-alb", kind: "load-balancer", name: "Public ALB", zoneId: "public-subnet", at: [5, 1], config: { scheme: "internet-facing" } },
      {
        id: "web",
        kind: "service",
        name: "Web tier",
        zoneId: "web-tier",
        at: [6, 1],
        config: { port: 3000, routes: [{ method: "GET", path: "/" }, { method: "GET", path: "/products/{id}" }] },
      },
      {
        id: "internal-alb",
        kind: "load-balancer",
        name: "Internal ALB",
        zoneId: "app-tier",
        at: [7, 1],
        config: { scheme: "internal" },
      },
      {
        id: "app",
        kind: "service",
        name: "Application tier",
        zoneId: "app-tier",
        at: [8, 1],
        config: { port: 8080, routes: [{ method: "GET", path: "/api/products/{id}" }, { method: "POST", path: "/api/orders" }] },
      },
      { id: "app-db", kind: "database", name: "PostgreSQL (Multi-AZ)", zoneId: "data-tier", at: [8, 2.5], config: { multiAz: true, readReplicas: 1 } },
      { id: "session-cache", kind: "cache", name: "Session cache (Redis)", zoneId: "data-tier", at: [9, 2.5], config: { replicas: 1, ttlSeconds: 1800 } },
      { id: "secrets", kind: "secrets-manager", name: "Secrets Manager", zoneId: "us-east-1", at: [10, 0] },
      { id: "observability", kind: "observability", name: "CloudWatch", zoneId: "us-east-1", at: [10, 1.5] },
    ],
    connections: [
      { source: "browsers", target: "route-53", timeoutMs: 60_000 },
      { source: "route-53", target: "cloudfront", timeoutMs: 55_000 },
      { source: "cloudfront", target: "static-assets", timeoutMs: 50_000, pathPrefix: "/static/*" },
      { source: "cloudfront", target: "waf", timeoutMs: 50_000, pathPrefix: "/*" },
      { source: "waf", target: "rate-limiter", timeoutMs: 50_000 },
      { source: "rate-limiter", target: "public-alb", timeoutMs: 50_000 },
      { source: "public-alb", target: "web", timeoutMs: 45_000 },
      {
        source: "web",
        target: "internal-alb",
        timeoutMs: 40_000,
        retry: { enabled: true, maxRetries: 3, backoff: "exponential", jitter: true },
        circuitBreaker: { enabled: true },
      },
      { source: "internal-alb", target: "app", timeoutMs: 35_000 },
      { source: "app", target: "app-db", timeoutMs: 5000 },
      { source: "app", target: "session-cache", timeoutMs: 1000 },
      { source: "app", target: "secrets", timeoutMs: 2000 },
      { source: "web", target: "observability", protocol: "async" },
      { source: "app", target: "observability", protocol: "async" },
    ],
  }),
};
