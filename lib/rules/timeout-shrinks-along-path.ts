import { callerBudget, fitsBudget, graphOf, timeoutBelow } from "../graph";
import { cite } from "../model";
import { updateConnection } from "./support/edits";
import { formatDuration } from "./support/format";
import { defineRule } from "./support/define-rule";
import type { Detection } from "./support/types";

/**
 * Checked per pair of hops (the call into a component and each call out of it), which covers every
 * synchronous path without enumerating paths.
 */
export const timeoutShrinksAlongPath = defineRule({
  id: "timeout-shrinks-along-path",
  title: "Each hop times out before its caller",
  severity: "error",
  category: "reliability",
  rationale:
    "When a downstream call may wait longer than its caller, the caller gives up first: the user sees a timeout while the work goes on below, holding threads, connections and retries for an answer nobody will read. Each layer should time out before the layer that called it (Client 60 s, gateway 55 s, service 50 s, next service 45 s).",
  citations: [cite("002", "Timeout Configuration")],
  remediation: "Lower the downstream call's timeout below the shortest timeout of the calls into its caller, typically 5 s less per hop.",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    for (const component of design.components) {
      const outgoing = graph.syncOutgoing(component.id);
      if (outgoing.length === 0) continue;
      const budget = callerBudget(graph, component.id);
      if (!budget) continue;
      for (const connection of outgoing) {
        if (connection.timeoutMs === undefined || fitsBudget(graph, component.id, connection.timeoutMs, budget)) continue;
        const downstream = `${component.name} waits ${formatDuration(connection.timeoutMs)} for ${graph.name(connection.target)}`;
        const message = budget.connection
          ? `${graph.name(budget.connection.source)} times out after ${formatDuration(budget.ms)} waiting for ${component.name}, but its downstream ${downstream}.`
          : `${component.name} closes idle connections after ${formatDuration(budget.ms)}, but ${downstream}.`;
        detections.push({
          targetId: connection.id,
          message,
          componentIds: [...(budget.connection ? [budget.connection.source] : []), component.id, connection.target],
          connectionIds: [...(budget.connection ? [budget.connection.id] : []), connection.id],
        });
      }
    }
    return detections;
  },
  fix(design, finding) {
    const graph = graphOf(design);
    const connection = graph.connection(finding.targetId);
    const budget = callerBudget(graph, connection.source);
    if (!budget) return design;
    return updateConnection(design, connection.id, (current) => ({ ...current, timeoutMs: timeoutBelow(budget.ms) }));
  },
});
