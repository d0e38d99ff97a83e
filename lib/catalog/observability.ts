import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const observability = defineKind({
  kind: "observability",
  label: "Observability",
  layer: "operations",
  description: "Metrics, logs, traces and alerting (Prometheus, Grafana, Jaeger, CloudWatch).",
  config: z.object({
    metrics: z.boolean().default(true).describe("Collect metrics (002 \"The Three Pillars\": Prometheus, Grafana)."),
    logs: z.boolean().default(true).describe("Centralised logs (002 \"The Three Pillars\": ELK, OpenSearch)."),
    traces: z.boolean().default(true).describe("Distributed traces with request ids (002 \"The Three Pillars\": OpenTelemetry, Jaeger)."),
    alerts: z.boolean().default(true).describe("Page on symptoms (002 \"Alerting Rules\")."),
    errorRateAlertPercent: z.number().min(0.1).max(100).default(5).describe("Page when errors exceed 5 % for 5 minutes (002 \"Alerting Rules\": Critical)."),
    p99LatencyAlertMs: z.number().int().min(1).max(600_000).default(1000).describe("Page when p99 latency exceeds 1 s for 5 minutes (002 \"Alerting Rules\": Critical)."),
    cpuAlarmPercent: z.number().int().min(1).max(100).default(70).describe("CPU alarm threshold: 70 % (004 Alarms: CPU High (>70%))."),
    logRetentionDays: z.number().int().min(1).max(3653).default(30).describe("Days logs are kept in CloudWatch."),
    capacityPerInstance: capacityOverride("messages/s", "100,000 (002 \"The Three Pillars\")"),
  }),
  acceptsFrom: [
    "dns", "cdn", "waf", "rate-limiter", "load-balancer", "api-gateway", "reverse-proxy", "service", "worker",
    "cache", "database", "nosql-database", "queue", "object-storage", "secrets-manager",
  ],
  acceptsFromReason: "Any component of the system sends telemetry; a client's telemetry reaches it through the services.",
  defaultProtocol: "async",
  capacity: { perInstance: 100_000, unit: "messages/s", latencyMs: 0, source: cite("002", "The Three Pillars") },
  sources: [cite("002", "Monitoring & Observability Strategy"), cite("003", "Complete Observability Stack")],
});
