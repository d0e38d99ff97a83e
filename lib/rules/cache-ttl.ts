import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

/** 003 "Redis Cache": data 5 minutes, sessions 30 minutes; a day is far beyond either. */
const MAX_TTL_SECONDS = 86_400;
const DATA_TTL_SECONDS = 300;

export const cacheTtl = defineRule({
  id: "cache-ttl",
  title: "Cached entries expire and can be evicted",
  severity: "warning",
  category: "performance",
  rationale:
    "Cache-aside relies on entries expiring: a long TTL serves stale data long after the database changed, and a cache that may not evict fills up and starts rejecting writes. The documented setup keeps data 5 minutes and sessions 30 minutes, with LRU eviction.",
  citations: [cite("003", "Redis Cache"), cite("002", "Caching Strategy")],
  remediation: "Set a TTL in minutes (5 minutes for data) and an LRU eviction policy.",
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind !== "cache") return [];
      const problems = [
        ...(component.config.ttlSeconds > MAX_TTL_SECONDS ? [`keeps entries for ${Math.round(component.config.ttlSeconds / 3600)} hours`] : []),
        ...(component.config.evictionPolicy === "noeviction" ? ["never evicts, so it rejects writes once full"] : []),
      ];
      if (problems.length === 0) return [];
      return [{ targetId: component.id, message: `${component.name} ${listNames(problems)}.`, componentIds: [component.id] }];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "cache", (config) => ({
      ...config,
      ttlSeconds: config.ttlSeconds > MAX_TTL_SECONDS ? DATA_TTL_SECONDS : config.ttlSeconds,
      evictionPolicy: config.evictionPolicy === "noeviction" ? "allkeys-lru" : config.evictionPolicy,
    }));
  },
});
