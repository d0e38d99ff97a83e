import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConnection } from "./support/edits";
import { describeConnection } from "./support/format";

export const retryBackoffJitter = defineRule({
  id: "retry-backoff-jitter",
  title: "Retries back off exponentially with jitter",
  severity: "warning",
  category: "reliability",
  rationale:
    "Retrying immediately or at a fixed interval hits a struggling service again while it is down, and clients that failed together retry together: a thundering herd that keeps it down. Exponential backoff (1 s, 2 s, 4 s, 8 s) with random jitter spreads the retries out.",
  citations: [cite("002", "Retry with Backoff"), cite("002", "Retry Strategy: Exponential backoff with jitter")],
  remediation: "Use exponential backoff and turn on jitter for the connection's retries.",
  detect(design, { graph }) {
    return design.connections
      .filter((connection) => connection.retry.enabled && (connection.retry.backoff !== "exponential" || !connection.retry.jitter))
      .map((connection) => {
        const problems = [
          ...(connection.retry.backoff === "exponential" ? [] : [connection.retry.backoff === "none" ? "without waiting" : "at a fixed interval"]),
          ...(connection.retry.jitter ? [] : ["without jitter"]),
        ];
        return {
          targetId: connection.id,
          message: `${describeConnection(graph, connection)} retries ${problems.join(" and ")}, so failed calls come back in synchronized waves.`,
          componentIds: [connection.source, connection.target],
          connectionIds: [connection.id],
        };
      });
  },
  fix(design, finding) {
    return updateConnection(design, finding.targetId, (connection) => ({ ...connection, retry: { ...connection.retry, backoff: "exponential", jitter: true } }));
  },
});
