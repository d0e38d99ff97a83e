import { attemptsOf, isInsideCycle, isRetrying, retryAmplification, retryingChainInto } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { describeConnection, listNames } from "./support/format";
import type { Detection } from "./support/types";

/** Longer chains are summarised so the message stays readable. */
const MAX_LISTED_HOPS = 4;

export const retryAmplificationRule = defineRule({
  id: "retry-amplification",
  title: "Retries are not stacked on several hops",
  severity: "warning",
  category: "reliability",
  rationale:
    "When several hops of one request path each retry, the attempts multiply: three retries at the gateway and three at the service turn one failing call into 16 calls on the last service, exactly when it is least able to take them. Retry at one layer only.",
  citations: [cite("002", "Retry with Backoff"), cite("002", "Circuit Breaker")],
  remediation: "Keep retries on one hop of the path (usually the one closest to the failing dependency) and turn them off on the others, or protect the inner hops with a circuit breaker.",
  detect(design, { graph }) {
    const amplification = retryAmplification(graph);
    const detections: Detection[] = [];
    for (const connection of design.connections) {
      if (connection.protocol === "async" || !isRetrying(connection) || isInsideCycle(graph, connection.source, connection.target)) continue;
      const upstream = retryingChainInto(graph, connection.source);
      if (upstream.length === 0) continue;
      const chain = [...upstream, connection];
      const total = (amplification.get(connection.source)?.factor ?? 1) * attemptsOf(connection);
      const hops = chain.map((hop) => `${describeConnection(graph, hop)} retries ${hop.retry.maxRetries} times`);
      const listed = hops.length > MAX_LISTED_HOPS ? [...hops.slice(0, MAX_LISTED_HOPS - 1), `${hops.length - MAX_LISTED_HOPS + 1} more hops retry`] : hops;
      const attempts = chain.length > MAX_LISTED_HOPS ? `${chain.length} retrying hops` : `${chain.map(attemptsOf).join(" × ")} attempts`;
      detections.push({
        targetId: connection.id,
        message: `One request can reach ${graph.name(connection.target)} up to ${total > 1e6 ? "more than a million" : total} times: ${listNames(listed)} (${attempts}).`,
        componentIds: [...new Set(chain.flatMap((hop) => [hop.source, hop.target]))],
        connectionIds: chain.map((hop) => hop.id),
      });
    }
    return detections;
  },
});
