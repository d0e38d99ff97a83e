import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConnection } from "./support/edits";
import { describeConnection } from "./support/format";

/** 002 "Retry with Backoff": "Max retries: 3-5 (then fail)". */
export const MAX_SENSIBLE_RETRIES = 5;
const FIXED_RETRIES = 3;

export const retryBounded = defineRule({
  id: "retry-bounded",
  title: "Retries are bounded",
  severity: "warning",
  category: "reliability",
  rationale:
    "Each retry is another request on a service that is already failing. Three to five attempts ride out a blip; more only add load and delay the error the caller needs to see.",
  citations: [cite("002", "Retry with Backoff")],
  remediation: `Limit retries to 3 (at most ${MAX_SENSIBLE_RETRIES}), then fail and let the caller decide.`,
  detect(design, { graph }) {
    return design.connections
      .filter((connection) => connection.retry.enabled && connection.retry.maxRetries > MAX_SENSIBLE_RETRIES)
      .map((connection) => ({
        targetId: connection.id,
        message: `${describeConnection(graph, connection)} retries up to ${connection.retry.maxRetries} times; more than ${MAX_SENSIBLE_RETRIES} only adds load to a failing ${graph.name(connection.target)}.`,
        componentIds: [connection.source, connection.target],
        connectionIds: [connection.id],
      }));
  },
  fix(design, finding) {
    return updateConnection(design, finding.targetId, (connection) => ({ ...connection, retry: { ...connection.retry, maxRetries: FIXED_RETRIES } }));
  },
});
