import { WORKLOAD_KINDS, graphOf, type DesignGraph } from "../graph";
import { cite, type Component } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

/** Connection limits documented in the seeds, by RDS instance class: 003 "Database Scaling": Max Connections 100 (default for db.t3.medium). */
const MAX_CONNECTIONS_BY_CLASS: Readonly<Record<string, number>> = { "db.t3.medium": 100 };

function peakInstances(component: Component): number {
  if (component.kind !== "service" && component.kind !== "worker") return 0;
  return component.config.autoscaling.enabled ? component.config.autoscaling.maxReplicas : component.config.replicas;
}

/** Workloads using the database and how many instances each may run at peak. */
function poolUsers(graph: DesignGraph, databaseId: string): { component: Component; instances: number }[] {
  const seen = new Set<string>();
  const users: { component: Component; instances: number }[] = [];
  for (const connection of graph.incoming(databaseId)) {
    const component = graph.component(connection.source);
    if (!WORKLOAD_KINDS.has(component.kind) || seen.has(component.id)) continue;
    seen.add(component.id);
    users.push({ component, instances: peakInstances(component) });
  }
  return users;
}

export const connectionPoolCapacity = defineRule({
  id: "connection-pool-capacity",
  title: "Connection pools fit the database's connection limit",
  severity: "warning",
  category: "performance",
  rationale:
    "Each instance of each service opens up to its pool size. When the services scale out, the total can pass the database's limit and new connections are refused exactly at peak load ('database connection pool exhausted'). Size pools so that every instance at maximum scale still fits.",
  citations: [cite("003", "Database Scaling:"), cite("003", "Connection Pooling (HikariCP):"), cite("002", "Alerting Rules")],
  remediation: "Lower the pool size per instance (or the services' maximum replicas) so that instances × pool size stays within the database's connection limit, or move to a larger instance class.",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "database") return [];
      const { maxConnections, minIdle } = component.config.pool;
      const problems: string[] = [];
      const limit = MAX_CONNECTIONS_BY_CLASS[component.config.instanceClass];
      const users = poolUsers(graph, component.id);
      const instances = users.reduce((sum, user) => sum + user.instances, 0);
      if (limit !== undefined && instances * maxConnections > limit) {
        const parts = users.map((user) => `${user.component.name} ${user.instances} × ${maxConnections}`);
        problems.push(
          `at peak ${listNames(parts)} open ${instances * maxConnections} connections, but ${component.config.instanceClass} accepts about ${limit}`,
        );
      }
      if (minIdle > maxConnections) problems.push(`its pool keeps ${minIdle} idle connections but allows only ${maxConnections}`);
      if (problems.length === 0) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name}: ${problems.join("; ")}.`,
          componentIds: [component.id, ...users.map((user) => user.component.id)],
          fixable: limit === undefined || instances <= limit,
        },
      ];
    });
  },
  fix(design, finding) {
    const graph = graphOf(design);
    const database = graph.component(finding.targetId);
    if (database.kind !== "database") return design;
    const limit = MAX_CONNECTIONS_BY_CLASS[database.config.instanceClass];
    const instances = poolUsers(graph, database.id).reduce((sum, user) => sum + user.instances, 0);
    return updateConfig(design, database.id, "database", (config) => {
      const maxConnections =
        limit !== undefined && instances * config.pool.maxConnections > limit ? Math.max(1, Math.floor(limit / instances)) : config.pool.maxConnections;
      return { ...config, pool: { ...config.pool, maxConnections, minIdle: Math.min(config.pool.minIdle, maxConnections) } };
    });
  },
});
