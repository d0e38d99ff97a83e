import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

export const loadBalancerHealthCheck = defineRule({
  id: "load-balancer-health-check",
  title: "Load balancers health-check their targets",
  severity: "error",
  category: "reliability",
  rationale:
    "A load balancer without a health check keeps sending a share of requests to instances that have crashed or hung. With one, it probes every target (every 30 s, unhealthy after 3 failures) and routes only to healthy ones.",
  citations: [cite("003", "Application Load Balancer (ALB)"), cite("002", "Health Checks")],
  remediation: "Turn on the load balancer's target health check (GET /health, 30 s interval, 5 s timeout, 2 healthy / 3 unhealthy thresholds).",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "load-balancer" || component.config.healthCheck.enabled) return [];
      const targets = graph.syncOutgoing(component.id).map((connection) => connection.target);
      if (targets.length === 0) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} does not health-check ${listNames(targets.map((id) => graph.name(id)))}, so it keeps routing requests to instances that are down.`,
          componentIds: [component.id, ...targets],
        },
      ];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "load-balancer", (config) => ({ ...config, healthCheck: { ...config.healthCheck, enabled: true } }));
  },
});
