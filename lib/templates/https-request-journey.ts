import { buildDesign, type ComponentSpec, type ConnectionSpec } from "./support/build";
import type { Template } from "./support/types";

/** The three microservices of 000, two pods each, and the API path the ingress routes to each. */
const SERVICES = [
  { id: "user-service", name: "User service", path: "/api/users", method: "GET" },
  { id: "order-service", name: "Order service", path: "/api/orders", method: "GET" },
  { id: "payment-service", name: "Payment service", path: "/api/payments", method: "POST" },
] as const;

const INGRESS_TIMEOUT_MS = 30_000;
const DATA_TIMEOUT_MS = 25_000;

const services: ComponentSpec[] = SERVICES.map((service, row) => ({
  id: service.id,
  kind: "service",
  name: service.name,
  zoneId: "kubernetes",
  at: [8, row],
  config: { replicas: 2, routes: [{ method: service.method, path: service.path }] },
}));

const serviceConnections: ConnectionSpec[] = SERVICES.flatMap((service): ConnectionSpec[] => [
  {
    source: "ingress",
    target: service.id,
    timeoutMs: INGRESS_TIMEOUT_MS,
    pathPrefix: `${service.path}/*`,
    retry: { enabled: true, maxRetries: 3, backoff: "exponential", jitter: true },
    circuitBreaker: { enabled: true },
    label: "Service mesh: mTLS, retries, circuit breaking",
  },
  { source: service.id, target: "rds-postgres", timeoutMs: DATA_TIMEOUT_MS },
  { source: service.id, target: "elasticache-redis", timeoutMs: DATA_TIMEOUT_MS },
  { source: service.id, target: "observability", protocol: "async", label: "Logs, metrics, traces" },
]);

export const httpsRequestJourney: Template = {
  id: "https-request-journey",
  title: "Complete HTTPS request journey",
  description:
    "Every hop of one GET /api/users: Route 53 resolves the name, CloudFront (with AWS Shield on the distribution) caches static " +
    "assets from S3 and forwards misses through AWS WAF into the VPC, where the load balancer, an NGINX reverse proxy and the API " +
    "gateway (JWT validation, per-user rate limits) hand over to the Kubernetes ingress (000 \"PHASE 3: REQUEST PROCESSING (Your " +
    "Original Flow - Corrected)\"). The service mesh has no box of its own: its mTLS, retries and circuit breaking sit on the calls " +
    "from the ingress to the user, order and payment services, two pods each. The data layer is RDS PostgreSQL with read replicas, " +
    "ElastiCache Redis for sessions, cache and pub/sub, and S3; logs, metrics and traces flow to one observability stack (000 " +
    "\"PHASE 5: OBSERVABILITY (Throughout the Request)\"). Timeouts shrink by 5 s per hop from the browser's 60 s down to " +
    "25 s for data calls; the WAF adds no wait of its own. " +
    "Left open as in the source: no secrets manager holds the database credentials.",
  source: { doc: "000", label: "Complete HTTPS request journey" },
  openFindings: ["secrets-manager-used"],
  design: buildDesign({
    name: "Complete HTTPS request journey",
    description: "Seed 000: DNS, CDN, WAF, VPC, load balancer, reverse proxy, API gateway, ingress, service mesh, services and data layer.",
    settings: { cloudRegion: "us-east-1", computePlatform: "eks" },
    zones: [
      { id: "vpc", kind: "vpc", name: "AWS VPC (NACL and security groups)" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "private-subnet", kind: "private-subnet", name: "Private subnet", parentId: "vpc" },
      { id: "kubernetes", kind: "k8s-namespace", name: "Kubernetes cluster", parentId: "private-subnet" },
      { id: "data-layer", kind: "private-subnet", name: "Data layer", parentId: "vpc" },
    ],
    components: [
      { id: "browser", kind: "client", name: "Browser", at: [0, 1], config: { platform: "web" } },
      { id: "route-53", kind: "dns", name: "Route 53", at: [1, 1], config: { domain: "api.example.com" } },
      { id: "cloudfront", kind: "cdn", name: "CloudFront (AWS Shield)", at: [2, 1] },
      { id: "aws-waf", kind: "waf", name: "AWS WAF", at: [3, 1] },
      {
        id: "load-balancer",
        kind: "load-balancer",
        name: "Load balancer (ALB)",
        zoneId: "public-subnet",
        at: [4, 1],
        config: { scheme: "internet-facing" },
      },
      { id: "reverse-proxy", kind: "reverse-proxy", name: "Reverse proxy (NGINX)", zoneId: "private-subnet", at: [5, 1], config: { host: "api.example.com" } },
      {
        id: "api-gateway",
        kind: "api-gateway",
        name: "API gateway (Kong)",
        zoneId: "private-subnet",
        at: [6, 1],
        config: { authentication: "jwt" },
      },
      { id: "ingress", kind: "reverse-proxy", name: "Ingress controller (NGINX)", zoneId: "kubernetes", at: [7, 1], config: { host: "api.example.com" } },
      ...services,
      {
        id: "rds-postgres",
        kind: "database",
        name: "RDS PostgreSQL (primary, read replicas)",
        zoneId: "data-layer",
        at: [7, 4],
        config: { engine: "postgres", readReplicas: 2, multiAz: true, instanceClass: "db.r5.large", pool: { connectionTimeoutMs: 10_000 } },
      },
      {
        id: "elasticache-redis",
        kind: "cache",
        name: "ElastiCache Redis (session, cache, pub/sub)",
        zoneId: "data-layer",
        at: [8, 4],
        config: { engine: "redis", replicas: 1 },
      },
      { id: "s3", kind: "object-storage", name: "S3 (static, uploads, backups)", at: [2, 3] },
      { id: "observability", kind: "observability", name: "Observability (CloudWatch, Prometheus, X-Ray)", at: [9, 1] },
    ],
    connections: [
      { source: "browser", target: "route-53", timeoutMs: 60_000, label: "HTTPS (TLS 1.3)" },
      { source: "route-53", target: "cloudfront", timeoutMs: 55_000 },
      { source: "cloudfront", target: "s3", timeoutMs: 50_000, pathPrefix: "/static/*", label: "Cache static assets" },
      { source: "cloudfront", target: "aws-waf", timeoutMs: 50_000, label: "Cache miss (dynamic content)" },
      { source: "aws-waf", target: "load-balancer", timeoutMs: 50_000 },
      { source: "load-balancer", target: "reverse-proxy", timeoutMs: 45_000 },
      { source: "reverse-proxy", target: "api-gateway", timeoutMs: 40_000 },
      { source: "api-gateway", target: "ingress", timeoutMs: 35_000 },
      ...serviceConnections,
      { source: "user-service", target: "s3", timeoutMs: DATA_TIMEOUT_MS, label: "Uploads" },
    ],
  }),
};
