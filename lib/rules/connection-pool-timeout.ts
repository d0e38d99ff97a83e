import { callerBudget, graphOf, timeoutBelow, WORKLOAD_KINDS, type CallerBudget, type DesignGraph } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { formatDuration } from "./support/format";

/** The schema's smallest pool wait. */
const MIN_POOL_WAIT_MS = 100;

/** The tightest caller budget among the workloads using the database, with the workload it belongs to. */
function tightestCaller(graph: DesignGraph, databaseId: string): { callerId: string; budget: CallerBudget } | undefined {
  let tightest: { callerId: string; budget: CallerBudget } | undefined;
  for (const connection of graph.syncIncoming(databaseId)) {
    if (!WORKLOAD_KINDS.has(graph.component(connection.source).kind)) continue;
    const budget = callerBudget(graph, connection.source);
    if (budget && (!tightest || budget.ms < tightest.budget.ms)) tightest = { callerId: connection.source, budget };
  }
  return tightest;
}

export const connectionPoolTimeout = defineRule({
  id: "connection-pool-timeout",
  title: "Waiting for a pooled connection ends before the caller gives up",
  severity: "warning",
  category: "performance",
  rationale:
    "A connection pool bounds the connections each instance opens; when it is exhausted, requests wait for a free connection. If that wait outlasts the caller's timeout, the request is already abandoned upstream while it still holds a place in the queue.",
  citations: [cite("003", "Database Architecture"), cite("003", "Connection Pooling (HikariCP):"), cite("002", "Timeout Configuration")],
  remediation: "Make the pool's connection timeout shorter than the timeout of the calls into the services that use the database.",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "database") return [];
      const tightest = tightestCaller(graph, component.id);
      const waitMs = component.config.pool.connectionTimeoutMs;
      if (!tightest || waitMs < tightest.budget.ms) return [];
      const caller = graph.name(tightest.callerId);
      const limit = tightest.budget.connection
        ? `${graph.name(tightest.budget.connection.source)} gives ${caller} only ${formatDuration(tightest.budget.ms)}`
        : `${caller}'s idle timeout is ${formatDuration(tightest.budget.ms)}`;
      return [
        {
          targetId: component.id,
          message: `${caller} may wait ${formatDuration(waitMs)} for a connection from ${component.name}'s pool, but ${limit}.`,
          componentIds: [component.id, tightest.callerId],
          connectionIds: tightest.budget.connection ? [tightest.budget.connection.id] : [],
        },
      ];
    });
  },
  fix(design, finding) {
    const tightest = tightestCaller(graphOf(design), finding.targetId);
    if (!tightest) return design;
    return updateConfig(design, finding.targetId, "database", (config) => ({
      ...config,
      pool: { ...config.pool, connectionTimeoutMs: Math.max(MIN_POOL_WAIT_MS, timeoutBelow(tightest.budget.ms)) },
    }));
  },
});
