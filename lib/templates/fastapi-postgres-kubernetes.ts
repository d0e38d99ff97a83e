import { buildDesign } from "./support/build";
import type { Template } from "./support/types";

export const fastapiPostgresKubernetes: Template = {
  id: "fastapi-postgres-kubernetes",
  title: "FastAPI and PostgreSQL on Kubernetes",
  description:
    "A user's browser resolves api.example.com (TTL 300 s) and reaches the nginx ingress, which terminates TLS with a Let's " +
    "Encrypt certificate from cert-manager, limits each IP to 100 requests per second and routes / to the fastapi-service " +
    "ClusterIP on port 8000 (001 \"Layer 5: Kubernetes Ingress/Service Entry Point\"). Two FastAPI replicas answer " +
    "GET /users/{user_id} with /health probes and query a single-pod PostgreSQL 16 StatefulSet over TLS (sslmode=require) " +
    "on 5432. The namespaces mirror the NetworkPolicies of 001 \"Complete Deployment (FastAPI + PostgreSQL + Ingress)\": " +
    "ingress-nginx may reach FastAPI only, FastAPI may reach PostgreSQL only; Prometheus and Grafana run in monitoring. " +
    "Left open as in the source, a single-node lab: PostgreSQL is one pod with no standby, no backups, an unencrypted " +
    "volume and no read replica or cache in front of a read-only API; it sits in a namespace rather than a private subnet; " +
    "both FastAPI pods share one worker node and one /health endpoint serves both probes; nothing filters traffic before " +
    "the ingress; the password is a Kubernetes Secret rather than a secrets manager; and only metrics are collected.",
  source: { doc: "001", label: "Summary: End-to-End Data Flow - Database to UAE User" },
  openFindings: [
    "data-store-private-subnet",
    "database-backups",
    "database-multi-az",
    "encryption-at-rest",
    "observability-reachable",
    "read-replicas-for-reads",
    "secrets-manager-used",
    "waf-before-public-entry",
    "workload-liveness-readiness",
    "workload-multi-az",
  ],
  design: buildDesign({
    name: "FastAPI and PostgreSQL on Kubernetes",
    description: "Seed 001: nginx ingress with cert-manager TLS, a two-replica FastAPI service on port 8000, a PostgreSQL StatefulSet, NetworkPolicies.",
    settings: { computePlatform: "eks" },
    zones: [
      { id: "ingress-nginx", kind: "k8s-namespace", name: "ingress-nginx namespace" },
      { id: "production", kind: "k8s-namespace", name: "production namespace" },
      { id: "monitoring", kind: "k8s-namespace", name: "monitoring namespace" },
    ],
    components: [
      { id: "user-browser", kind: "client", name: "User browser (UAE)", at: [0, 0], config: { platform: "web" } },
      { id: "dns", kind: "dns", name: "DNS (api.example.com)", at: [1, 0], config: { domain: "api.example.com", routingPolicy: "simple", ttlSeconds: 300 } },
      {
        id: "nginx-ingress",
        kind: "reverse-proxy",
        name: "nginx ingress (cert-manager TLS)",
        zoneId: "ingress-nginx",
        at: [2, 0],
        config: { ingressClass: "nginx", host: "api.example.com", tls: true, certManagerIssuer: "letsencrypt-prod", rateLimitPerSecond: 100 },
      },
      {
        id: "fastapi",
        kind: "service",
        name: "FastAPI (fastapi-service :8000)",
        zoneId: "production",
        at: [3, 0],
        config: {
          port: 8000,
          replicas: 2,
          spreadAcrossZones: false,
          autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 2 },
          probes: { livenessPath: "/health", readinessPath: "/health", periodSeconds: 10 },
          resources: { cpuRequest: "250m", memoryRequest: "256Mi", cpuLimit: "500m", memoryLimit: "512Mi" },
          routes: [
            { method: "GET", path: "/users/{user_id}" },
            { method: "GET", path: "/health" },
          ],
        },
      },
      {
        id: "postgres",
        kind: "database",
        name: "PostgreSQL 16 StatefulSet (postgres-service :5432)",
        zoneId: "production",
        at: [4, 0],
        config: {
          engine: "postgres",
          engineVersion: "16",
          port: 5432,
          multiAz: false,
          readReplicas: 0,
          backupRetentionDays: 0,
          pointInTimeRecovery: false,
          storageEncrypted: false,
          pool: { maxConnections: 15, minIdle: 0 },
        },
      },
      {
        id: "prometheus-grafana",
        kind: "observability",
        name: "Prometheus + Grafana (kube-prometheus-stack)",
        zoneId: "monitoring",
        at: [3, 1.5],
        config: { metrics: true, logs: false, traces: false, alerts: true },
      },
    ],
    connections: [
      { source: "user-browser", target: "dns", timeoutMs: 60_000, label: "HTTPS (TLS 1.3)" },
      { source: "dns", target: "nginx-ingress", timeoutMs: 55_000, label: "203.0.113.50:443" },
      { source: "nginx-ingress", target: "fastapi", timeoutMs: 50_000, pathPrefix: "/", label: "fastapi-service:8000" },
      { source: "fastapi", target: "postgres", timeoutMs: 45_000, tls: true, label: "asyncpg, sslmode=require" },
      { source: "fastapi", target: "prometheus-grafana", protocol: "async", label: "Metrics" },
    ],
  }),
};
