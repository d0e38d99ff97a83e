import { graphOf, suggestedTimeout } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConnection } from "./support/edits";
import { describeConnection, formatDuration } from "./support/format";

export const connectionTimeoutMissing = defineRule({
  id: "connection-timeout-missing",
  title: "Synchronous calls have a timeout",
  severity: "warning",
  category: "reliability",
  rationale:
    "A call without a timeout waits as long as the network stack lets it, so one slow dependency ties up the caller's threads and connections until the caller fails too. Every synchronous hop needs a timeout shorter than its caller's.",
  citations: [cite("002", "Timeout Configuration"), cite("002", "Inter-Service Communication:")],
  remediation: "Set a timeout on the connection, 5 s shorter than the shortest call into its source (60 s at the edge).",
  detect(design, { graph }) {
    return design.connections
      .filter((connection) => connection.protocol !== "async" && connection.timeoutMs === undefined)
      .map((connection) => ({
        targetId: connection.id,
        message: `${describeConnection(graph, connection)} has no timeout; ${graph.name(connection.source)} would wait indefinitely. Suggested: ${formatDuration(suggestedTimeout(graph, connection.source))}.`,
        componentIds: [connection.source, connection.target],
        connectionIds: [connection.id],
      }));
  },
  fix(design, finding) {
    const graph = graphOf(design);
    const connection = graph.connection(finding.targetId);
    return updateConnection(design, connection.id, (current) => ({ ...current, timeoutMs: suggestedTimeout(graph, connection.source) }));
  },
});
