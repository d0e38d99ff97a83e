import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConnection } from "./support/edits";
import { describeConnection } from "./support/format";

const CALLERS = new Set(["service", "worker"]);
const CALLEES = new Set(["service", "load-balancer"]);

export const circuitBreakerServiceCalls = defineRule({
  id: "circuit-breaker-service-calls",
  title: "Service-to-service calls have a circuit breaker",
  severity: "warning",
  category: "reliability",
  rationale:
    "Without a circuit breaker a service keeps calling a dependency that is down, each call waiting for its timeout, until its own threads are exhausted and the failure cascades to its callers. A breaker fails fast after 50 % errors, waits 60 s, then tests with a few calls.",
  citations: [cite("002", "Circuit Breaker"), cite("002", "WRITE Operation Flow (e.g., POST /api/orders)")],
  remediation: "Enable the circuit breaker on the connection (50 % failure threshold, 60 s open, 3 half-open trial calls) and give the caller a fallback.",
  detect(design, { graph }) {
    return design.connections
      .filter(
        (connection) =>
          connection.protocol !== "async" &&
          !connection.circuitBreaker.enabled &&
          CALLERS.has(graph.component(connection.source).kind) &&
          CALLEES.has(graph.component(connection.target).kind),
      )
      .map((connection) => ({
        targetId: connection.id,
        message: `${describeConnection(graph, connection)} has no circuit breaker: if ${graph.name(connection.target)} goes down, ${graph.name(connection.source)} keeps waiting on it and fails too.`,
        componentIds: [connection.source, connection.target],
        connectionIds: [connection.id],
      }));
  },
  fix(design, finding) {
    return updateConnection(design, finding.targetId, (connection) => ({ ...connection, circuitBreaker: { ...connection.circuitBreaker, enabled: true } }));
  },
});
