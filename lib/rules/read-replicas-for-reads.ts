import { cite, type ComponentOf } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

/** 002 "Start with Requirements": a typical read/write ratio is 90 % read, 10 % write; 80 % already calls for read scaling. */
const READ_HEAVY_SHARE = 0.8;

export const readReplicasForReads = defineRule({
  id: "read-replicas-for-reads",
  title: "Read-heavy databases have a read replica or a cache",
  severity: "info",
  category: "performance",
  rationale:
    "When most requests only read, the primary spends its capacity on queries a replica could answer, and writes queue behind them. Read replicas (up to 5) or a cache in front take the reads off the primary.",
  citations: [cite("003", "Database Scaling:"), cite("002", "Horizontal Scaling"), cite("002", "READ Operation Flow (e.g., GET /api/products/123)")],
  remediation: "Add a read replica and send the read-only queries to it, or put a cache (cache-aside) in front of the reads.",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "database" || component.config.readReplicas > 0) return [];
      const callers = graph
        .incoming(component.id)
        .map((connection) => graph.component(connection.source))
        .filter((caller): caller is ComponentOf<"service"> => caller.kind === "service");
      const routes = callers.flatMap((caller) => caller.config.routes);
      if (routes.length === 0) return [];
      const reads = routes.filter((route) => route.method === "GET").length;
      if (reads / routes.length < READ_HEAVY_SHARE) return [];
      const cached = callers.some((caller) => graph.outgoing(caller.id).some((connection) => graph.component(connection.target).kind === "cache"));
      if (cached) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} serves read-heavy callers (${reads} of ${routes.length} routes of ${listNames(callers.map((caller) => caller.name))} are GET) with no read replica and no cache in front.`,
          componentIds: [component.id, ...callers.map((caller) => caller.id)],
        },
      ];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "database", (config) => ({ ...config, readReplicas: 1 }));
  },
});
