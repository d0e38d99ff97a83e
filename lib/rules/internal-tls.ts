import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig, updateConnection } from "./support/edits";
import { describeConnection } from "./support/format";
import type { Detection } from "./support/types";

export const internalTls = defineRule({
  id: "internal-tls",
  title: "Traffic inside the system is encrypted",
  severity: "warning",
  category: "security",
  rationale:
    "Zero trust assumes the network is already breached: an attacker inside the VPC can read and alter unencrypted calls between services and to data stores. Encrypt every hop with TLS (mTLS between services), not only the edge.",
  citations: [cite("002", "Zero Trust Architecture"), cite("002", "Encryption"), cite("003", "Security (Defense in Depth)")],
  remediation: "Turn on TLS for the connection (and encryption in transit for caches).",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    for (const connection of design.connections) {
      // Connections from clients cross the internet and are reported by tls-at-edge.
      if (connection.tls || connection.protocol === "async" || graph.component(connection.source).kind === "client") continue;
      detections.push({
        targetId: connection.id,
        message: `${describeConnection(graph, connection)} is not encrypted: anyone inside the network can read or alter it.`,
        componentIds: [connection.source, connection.target],
        connectionIds: [connection.id],
      });
    }
    for (const component of design.components) {
      if (component.kind !== "cache" || component.config.encryptionInTransit) continue;
      detections.push({
        targetId: component.id,
        message: `${component.name} accepts unencrypted connections, so cached data and credentials cross the network in clear text.`,
        componentIds: [component.id],
      });
    }
    return detections;
  },
  fix(design, finding) {
    if (design.connections.some((connection) => connection.id === finding.targetId)) {
      return updateConnection(design, finding.targetId, (connection) => ({ ...connection, tls: true }));
    }
    return updateConfig(design, finding.targetId, "cache", (config) => ({ ...config, encryptionInTransit: true }));
  },
});
