import { canConnectKinds } from "../catalog/connections";
import { DATA_STORE_KINDS } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";

export const connectionKindsAllowed = defineRule({
  id: "connection-kinds-allowed",
  title: "Connections make sense for the kinds they join",
  severity: "error",
  category: "operations",
  rationale:
    "Some arrows describe no real system: a database calling a service, a worker receiving HTTP from a load balancer, a CDN writing to a queue. Generators cannot turn them into infrastructure, and they usually mean the arrow was drawn backwards or to the wrong box.",
  citations: [cite("002", "Complete Architecture Diagram"), cite("003", "Network Flow & Request Journey")],
  remediation: "Reverse the connection, reroute it through the right component, or delete it.",
  detect(design, { graph }) {
    return design.connections.flatMap((connection) => {
      const source = graph.component(connection.source);
      const target = graph.component(connection.target);
      // Calls into data stores have a security angle and are reported by data-store-callers.
      if (DATA_STORE_KINDS.has(target.kind)) return [];
      const verdict = canConnectKinds(source.kind, target.kind);
      if (verdict.allowed) return [];
      return [
        {
          targetId: connection.id,
          message: `${source.name} → ${target.name}: ${verdict.reason}`,
          componentIds: [source.id, target.id],
          connectionIds: [connection.id],
        },
      ];
    });
  },
});
