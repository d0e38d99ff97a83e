import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

export const cacheReplica = defineRule({
  id: "cache-replica",
  title: "Caches have a replica with automatic failover",
  severity: "warning",
  category: "reliability",
  rationale:
    "When a lone cache node fails, every read falls through to the database at once, which is how a cache outage becomes a database outage. A replica in another zone with automatic failover keeps the cache warm.",
  citations: [cite("003", "Redis Cache"), cite("003", "Caching Architecture")],
  remediation: "Give the cache at least one replica and turn on automatic failover.",
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind !== "cache") return [];
      const problems = [
        ...(component.config.replicas === 0 ? ["has no replica"] : []),
        ...(component.config.automaticFailover ? [] : ["does not fail over automatically"]),
      ];
      if (problems.length === 0) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} ${listNames(problems)}: if its primary fails, every read falls through to the database.`,
          componentIds: [component.id],
        },
      ];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "cache", (config) => ({ ...config, replicas: Math.max(1, config.replicas), automaticFailover: true }));
  },
});
