import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

/** 003 "Application Load Balancer (ALB)" → Health Checks: Timeout 5 seconds. */
const SEED_TIMEOUT_SECONDS = 5;

export const healthCheckTiming = defineRule({
  id: "health-check-timing",
  title: "Health-check probes finish before the next one starts",
  severity: "warning",
  category: "reliability",
  rationale:
    "A probe timeout as long as the probe interval lets probes overlap, so a hung target is reported late and AWS rejects the target group outright. The documented setup probes every 30 s with a 5 s timeout.",
  citations: [cite("003", "Application Load Balancer (ALB)")],
  remediation: "Make the health-check timeout shorter than its interval (5 s timeout for a 30 s interval).",
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind !== "load-balancer" || !component.config.healthCheck.enabled) return [];
      const { timeoutSeconds, intervalSeconds } = component.config.healthCheck;
      if (timeoutSeconds < intervalSeconds) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} probes every ${intervalSeconds} s but waits ${timeoutSeconds} s for an answer, so probes overlap and a hung target is noticed late.`,
          componentIds: [component.id],
        },
      ];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "load-balancer", (config) => ({
      ...config,
      healthCheck: { ...config.healthCheck, timeoutSeconds: Math.max(2, Math.min(SEED_TIMEOUT_SECONDS, config.healthCheck.intervalSeconds - 1)) },
    }));
  },
});
