import { kindDefinition } from "../catalog";
import { canConnectKinds } from "../catalog/connections";
import { DATA_STORE_KINDS } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { describeConnection } from "./support/format";

export const dataStoreCallers = defineRule({
  id: "data-store-callers",
  title: "Only services and workers talk to data stores",
  severity: "error",
  category: "security",
  rationale:
    "A database or cache that a client, the edge or a load balancer can reach has no application code in front of it to authenticate, validate and authorise each request. Security groups and NetworkPolicies should let only the backend reach a data store.",
  citations: [
    cite("003", "Security Groups (Firewall Rules):"),
    cite("001", "Allow FastAPI to PostgreSQL"),
    cite("001", "Layer 9: Database Connection (FastAPI → PostgreSQL)"),
  ],
  remediation: "Remove the connection and route the access through a service that owns the data store (object storage may also sit behind a CDN).",
  detect(design, { graph }) {
    return design.connections.flatMap((connection) => {
      const target = graph.component(connection.target);
      const source = graph.component(connection.source);
      if (!DATA_STORE_KINDS.has(target.kind) || canConnectKinds(source.kind, target.kind).allowed) return [];
      return [
        {
          targetId: connection.id,
          message: `${describeConnection(graph, connection)}: ${target.name} is reached directly from a ${kindDefinition(source.kind).label.toLowerCase()}, with no service in between.`,
          componentIds: [source.id, target.id],
          connectionIds: [connection.id],
        },
      ];
    });
  },
});
