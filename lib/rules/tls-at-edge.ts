import { internetExposure, isInternetFacingKind } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig, updateConnection } from "./support/edits";
import { describeConnection } from "./support/format";
import type { Detection } from "./support/types";

const TERMINATING_KINDS = new Set(["cdn", "load-balancer", "api-gateway", "reverse-proxy"]);

export const tlsAtEdge = defineRule({
  id: "tls-at-edge",
  title: "TLS is terminated at the edge",
  severity: "error",
  category: "security",
  rationale:
    "Traffic between users and the edge crosses networks you do not control; without TLS, credentials, tokens and personal data travel in clear text and can be altered on the way. Terminate TLS (1.2/1.3, with a managed certificate) at the first component that faces the internet.",
  citations: [cite("000", "PHASE 2: CONNECTION ESTABLISHMENT"), cite("003", "Application Load Balancer (ALB)"), cite("002", "Encryption")],
  remediation: "Turn on TLS on every internet-facing CDN, load balancer, gateway and ingress, and on every connection from a client.",
  detect(design, { graph }) {
    const exposed = internetExposure(graph).reached;
    const detections: Detection[] = [];
    for (const component of design.components) {
      // An internal load balancer behind a gateway's VPC link is private even though internet traffic reaches it.
      if (!exposed.has(component.id) || !TERMINATING_KINDS.has(component.kind) || !isInternetFacingKind(component)) continue;
      if ("tls" in component.config && component.config.tls === false) {
        detections.push({
          targetId: component.id,
          message: `${component.name} faces the internet without TLS, so requests and responses cross it in clear text.`,
          componentIds: [component.id],
        });
      }
    }
    for (const connection of design.connections) {
      if (connection.tls || graph.component(connection.source).kind !== "client") continue;
      detections.push({
        targetId: connection.id,
        message: `${describeConnection(graph, connection)} is not encrypted: the client's requests cross the internet in clear text.`,
        componentIds: [connection.source, connection.target],
        connectionIds: [connection.id],
      });
    }
    return detections;
  },
  fix(design, finding) {
    if (design.connections.some((connection) => connection.id === finding.targetId)) {
      return updateConnection(design, finding.targetId, (connection) => ({ ...connection, tls: true }));
    }
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (!component || !("tls" in component.config)) return design;
    return updateConfig(design, component.id, component.kind, (config) => ({ ...config, tls: true }));
  },
});
