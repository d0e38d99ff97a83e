import { attemptsOf, extendChain, isInsideCycle, isRetrying, retryAmplification, worstHops, type DesignGraph } from "../graph";
import { cite, type Connection, type Design } from "../model";
import { defineRule } from "./support/define-rule";
import { describeConnection, listNames } from "./support/format";
import type { Detection } from "./support/types";

/** Longer chains are summarised so the message stays readable. */
const MAX_LISTED_HOPS = 4;

/** Synchronous retrying connections outside cycles: the hops whose attempts multiply. */
function multiplyingHops(design: Design, graph: DesignGraph): Connection[] {
  return design.connections.filter(
    (connection) => connection.protocol !== "async" && isRetrying(connection) && !isInsideCycle(graph, connection.source, connection.target),
  );
}

/**
 * One finding per component where a worst chain of retrying hops ends: at the retrying hop that brings the
 * most attempts into its callee, when no later retrying hop continues that chain. A hop whose chain continues
 * is named by the later finding, and a hop that brings fewer attempts than another into the same callee is
 * outdone by that one's finding, so a long chain or a dense mesh gives one finding per end, not one per hop
 * or per path. Each finding names its chain in constant size (both ends, its length, its worst hops), so the
 * findings grow at most linearly with the design.
 */
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
    const hops = multiplyingHops(design, graph);
    const continued = new Set<string>();
    for (const connection of hops) {
      const previous = amplification.get(connection.source)?.lastRetrying;
      if (previous) continued.add(previous.id);
    }
    const detections: Detection[] = [];
    for (const connection of hops) {
      const upstream = amplification.get(connection.source);
      if (!upstream?.chain || continued.has(connection.id) || amplification.get(connection.target)?.lastRetrying?.id !== connection.id) continue;
      const chain = extendChain(upstream.chain, connection);
      const total = upstream.factor * attemptsOf(connection);
      const named = chain.length > MAX_LISTED_HOPS ? worstHops(chain, MAX_LISTED_HOPS - 1) : chain.worst;
      const hopTexts = named.map((hop) => `${describeConnection(graph, hop.connection)} retries ${hop.connection.retry.maxRetries} times`);
      const listed = chain.length > MAX_LISTED_HOPS ? [...hopTexts, `${chain.length - named.length} more hops retry`] : hopTexts;
      const attempts = chain.length > MAX_LISTED_HOPS ? `${chain.length} retrying hops` : `${chain.worst.map((hop) => attemptsOf(hop.connection)).join(" × ")} attempts`;
      const highlighted = [...new Map([chain.first, ...chain.worst.map((hop) => hop.connection), connection].map((hop) => [hop.id, hop])).values()];
      detections.push({
        targetId: connection.id,
        message: `One request can reach ${graph.name(connection.target)} up to ${total > 1e6 ? "more than a million" : total} times: ${listNames(listed)} (${attempts}).`,
        componentIds: [...new Set(highlighted.flatMap((hop) => [hop.source, hop.target]))],
        connectionIds: highlighted.map((hop) => hop.id),
      });
    }
    return detections;
  },
});
