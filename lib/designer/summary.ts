import type { Component } from "@/lib/model";

/** The one or two settings that tell components of a kind apart, in a few words for the card. */
export function componentSummary(component: Component): string {
  switch (component.kind) {
    case "client":
      return `${component.config.platform} · ${component.config.requestsPerSecond} req/s`;
    case "dns":
      return `${component.config.domain} · ${component.config.routingPolicy}`;
    case "cdn":
      return `TTL ${component.config.defaultTtlSeconds} s · ${component.config.cacheHitRatePercent} % hits`;
    case "waf":
      return `${component.config.managedRuleGroups.length} rule groups · ${component.config.blockMode ? "block" : "count"}`;
    case "rate-limiter":
      return `${component.config.algorithm} · ${component.config.perUserPerMinute}/min per user`;
    case "load-balancer":
      return `${component.config.scheme} · :${component.config.listenerPort}`;
    case "api-gateway":
      return `${component.config.authentication.toUpperCase()} · ${component.config.throttleRatePerSecond} req/s`;
    case "reverse-proxy":
      return `${component.config.ingressClass} · ${component.config.host}`;
    case "service":
    case "worker": {
      const { autoscaling, replicas } = component.config;
      const count = autoscaling.enabled ? `${autoscaling.minReplicas}–${autoscaling.maxReplicas} replicas` : `${replicas} replicas`;
      return component.kind === "service" ? `:${component.config.port} · ${count}` : `${count} · ×${component.config.concurrency}`;
    }
    case "cache":
      return `${component.config.engine} ${component.config.engineVersion} · TTL ${component.config.ttlSeconds} s`;
    case "database":
      return `${component.config.engine} ${component.config.engineVersion} · ${component.config.multiAz ? "Multi-AZ" : "single AZ"}`;
    case "nosql-database":
      return `${component.config.engine} · ${component.config.shards} shards`;
    case "object-storage":
      return `${component.config.versioning ? "versioned" : "unversioned"} · ${component.config.encryption}`;
    case "queue":
      return `${component.config.engine} · ${component.config.deadLetterQueue ? "DLQ" : "no DLQ"}`;
    case "observability":
      return (["metrics", "logs", "traces"] as const).filter((signal) => component.config[signal]).join(" · ") || "no signals";
    case "secrets-manager":
      return `rotates every ${component.config.rotationDays} d`;
    default: {
      const unknown: never = component;
      return String((unknown as Component).kind);
    }
  }
}
