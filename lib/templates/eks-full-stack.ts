import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

/** HikariCP gives up waiting for a database connection after 30 s (003 "PostgreSQL Database"). */
const DATABASE_TIMEOUT_MS = 30_000;

export const eksFullStack: Template = {
  id: "eks-full-stack",
  title: "Full-stack application on EKS",
  description:
    "Route 53 resolves the domain to an internet-facing ALB that terminates TLS and routes by path (003 \"Path-Based Routing Details\"): " +
    "/api/* to the Spring Boot backend on port 8080 and /* to the React frontend on port 80, through the AWS ALB ingress in the " +
    "production namespace. The backend scales 2-10 pods at 70 % CPU and 80 % memory (003 \"Horizontal Pod Autoscaler (HPA)\"), the " +
    "frontend 2-8 pods at 60 % CPU (003 \"Scalability (Handle 10x Traffic Spikes)\"); health checks every 30 s with a 5 s timeout, " +
    "2 to turn healthy and 3 to turn unhealthy. Data lives in RDS PostgreSQL 15.4 Multi-AZ with 7-day backups and in ElastiCache " +
    "Redis 7.0 (3 shards with a replica each, 5-minute TTL); Prometheus with Grafana, Jaeger and CloudWatch watch it all. " +
    "Left open as in the source: the ALB is not behind a WAF (003 mentions the integration but deploys none); rate limiting " +
    "lives inside the backend as Redis counters, where no component in front of the services enforces it; each workload " +
    "uses one endpoint (/actuator/health, /) for both liveness and readiness; Jaeger raises no alerts of its own; and the " +
    "frontend sends no traces.",
  source: { doc: "003", label: "Full-Stack Application Architecture - Detailed Guide" },
  openFindings: ["alerts-defined", "observability-reachable", "rate-limiting-public-api", "waf-before-public-entry", "workload-liveness-readiness"],
  design: buildDesign({
    name: "Full-stack application on EKS",
    description: "Seed 003: Route 53, ALB with path routing, EKS backend and frontend with HPA, RDS Multi-AZ, ElastiCache, observability.",
    settings: { cloudRegion: "us-east-1", computePlatform: "eks" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1" },
      { id: "public-subnets", kind: "public-subnet", name: "Public subnets", parentId: "vpc" },
      { id: "app-subnets", kind: "private-subnet", name: "Private application subnets", parentId: "vpc" },
      { id: "production", kind: "k8s-namespace", name: "production namespace", parentId: "app-subnets" },
      { id: "monitoring", kind: "k8s-namespace", name: "monitoring namespace", parentId: "app-subnets" },
      { id: "data-subnets", kind: "private-subnet", name: "Isolated data subnets (us-east-1a, us-east-1b)", parentId: "vpc" },
    ],
    components: [
      { id: "users", kind: "client", name: "Users (web browsers and mobile apps)", at: [0, 1], config: { platform: "web", requestsPerSecond: 100 } },
      {
        id: "route-53",
        kind: "dns",
        name: "Route 53 (yourdomain.com)",
        at: [1, 1],
        config: { domain: "yourdomain.com", routingPolicy: "simple", healthChecks: true },
      },
      {
        id: "alb",
        kind: "load-balancer",
        name: "Application Load Balancer",
        zoneId: "public-subnets",
        at: [2, 1],
        config: {
          scheme: "internet-facing",
          listenerPort: 443,
          tls: true,
          httpsRedirect: true,
          healthCheck: { enabled: true, path: "/actuator/health", intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
        },
      },
      {
        id: "ingress",
        kind: "reverse-proxy",
        name: "AWS ALB ingress controller",
        zoneId: "production",
        at: [3, 1],
        config: { ingressClass: "alb", host: "yourdomain.com", tls: true, rateLimitPerSecond: 0 },
      },
      {
        id: "backend",
        kind: "service",
        name: "Spring Boot backend",
        zoneId: "production",
        at: [4, 0],
        config: {
          port: 8080,
          replicas: 2,
          autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 70, memoryTargetPercent: 80 },
          probes: { livenessPath: "/actuator/health", readinessPath: "/actuator/health" },
          resources: { cpuRequest: "500m", memoryRequest: "512Mi", cpuLimit: "1000m", memoryLimit: "2Gi" },
          routes: [
            { method: "GET", path: "/api/users" },
            { method: "POST", path: "/api/users" },
            { method: "GET", path: "/api/users/{id}" },
          ],
        },
      },
      {
        id: "frontend",
        kind: "service",
        name: "React frontend (nginx)",
        zoneId: "production",
        at: [4, 2],
        config: {
          port: 80,
          replicas: 2,
          autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 8, cpuTargetPercent: 60, memoryTargetPercent: 80 },
          probes: { livenessPath: "/", readinessPath: "/" },
          resources: { cpuRequest: "250m", memoryRequest: "256Mi", cpuLimit: "500m", memoryLimit: "1Gi" },
          routes: [{ method: "GET", path: "/" }],
        },
      },
      {
        id: "app-secrets",
        kind: "secrets-manager",
        name: "Secrets (Kubernetes Secrets, AWS Secrets Manager rotation)",
        zoneId: "production",
        at: [5, 0],
        config: { provider: "aws-secrets-manager" },
      },
      {
        id: "rds-postgres",
        kind: "database",
        name: "RDS PostgreSQL 15.4 (Multi-AZ)",
        zoneId: "data-subnets",
        at: [5, 3.5],
        config: {
          engine: "postgres",
          engineVersion: "15.4",
          instanceClass: "db.t3.medium",
          allocatedStorageGb: 100,
          multiAz: true,
          readReplicas: 0,
          backupRetentionDays: 7,
          pointInTimeRecovery: true,
          storageEncrypted: true,
          pool: { maxConnections: 10, minIdle: 2, connectionTimeoutMs: 30_000, idleTimeoutMs: 600_000 },
        },
      },
      {
        id: "elasticache-redis",
        kind: "cache",
        name: "ElastiCache Redis 7.0 (cluster mode)",
        zoneId: "data-subnets",
        at: [6, 3.5],
        config: {
          engine: "redis",
          engineVersion: "7.0",
          nodeType: "cache.t3.micro",
          shards: 3,
          replicas: 1,
          automaticFailover: true,
          encryptionInTransit: true,
          encryptionAtRest: true,
          ttlSeconds: 300,
          evictionPolicy: "allkeys-lru",
          expectedHitRatePercent: 85,
        },
      },
      {
        id: "prometheus",
        kind: "observability",
        name: "Prometheus + Grafana",
        zoneId: "monitoring",
        at: [6, 0],
        config: { metrics: true, logs: false, traces: false, alerts: true, errorRateAlertPercent: 5, cpuAlarmPercent: 80 },
      },
      {
        id: "jaeger",
        kind: "observability",
        name: "Jaeger (distributed tracing)",
        zoneId: "monitoring",
        at: [6, 1],
        config: { metrics: false, logs: false, traces: true, alerts: false },
      },
      {
        id: "cloudwatch",
        kind: "observability",
        name: "CloudWatch (logs and alarms)",
        zoneId: "us-east-1",
        at: [7, 2],
        config: { metrics: true, logs: true, traces: false, alerts: true },
      },
    ],
    connections: [
      { source: "users", target: "route-53", timeoutMs: 60_000, label: "HTTPS :443" },
      { source: "route-53", target: "alb", timeoutMs: 55_000, label: "Alias A record" },
      { source: "alb", target: "ingress", timeoutMs: 50_000, label: "/api/* and /* requests" },
      { source: "ingress", target: "backend", timeoutMs: 45_000, pathPrefix: "/api/*", label: "Route /api/* to port 8080" },
      { source: "ingress", target: "frontend", timeoutMs: 45_000, pathPrefix: "/*", label: "Route /* to port 80" },
      { source: "backend", target: "rds-postgres", timeoutMs: DATABASE_TIMEOUT_MS, label: "HikariCP, SSL" },
      { source: "backend", target: "elasticache-redis", timeoutMs: 40_000, label: "Cache-aside, TLS" },
      { source: "backend", target: "app-secrets", timeoutMs: 40_000, label: "Database and Redis credentials" },
      { source: "backend", target: "prometheus", protocol: "async", label: "Metrics" },
      { source: "frontend", target: "prometheus", protocol: "async", label: "Metrics" },
      { source: "backend", target: "jaeger", protocol: "async", label: "Traces" },
      { source: "backend", target: "cloudwatch", protocol: "async", label: "Logs" },
      { source: "frontend", target: "cloudwatch", protocol: "async", label: "Logs" },
    ],
  }),
};
