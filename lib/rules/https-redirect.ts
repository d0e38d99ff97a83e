import { internetExposure, isInternetFacingKind } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const httpsRedirect = defineRule({
  id: "https-redirect",
  title: "HTTP is redirected to HTTPS",
  severity: "warning",
  category: "security",
  rationale:
    "Users and old links still arrive on plain HTTP. Answering them on HTTP leaks cookies and lets the first request be tampered with; redirecting HTTP to HTTPS at the edge puts everyone on the encrypted path.",
  citations: [cite("003", "Application Load Balancer (ALB)"), cite("002", "Encryption")],
  remediation: "Turn on the HTTP → HTTPS redirect on internet-facing CDNs and load balancers.",
  detect(design, { graph }) {
    const exposed = internetExposure(graph).reached;
    return design.components.flatMap((component) =>
      (component.kind === "cdn" || component.kind === "load-balancer") &&
      exposed.has(component.id) &&
      isInternetFacingKind(component) &&
      !component.config.httpsRedirect
        ? [
            {
              targetId: component.id,
              message: `${component.name} answers plain HTTP instead of redirecting it to HTTPS.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "cdn" && component?.kind !== "load-balancer") return design;
    return updateConfig(design, component.id, component.kind, (config) => ({ ...config, httpsRedirect: true }));
  },
});
