import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

/** 003 "Cost Optimization Strategies": Delete old CloudWatch logs after 30 days. */
const RETENTION_DAYS = 30;

export const logRetention = defineRule({
  id: "log-retention",
  title: "Logs are kept for a bounded time",
  severity: "info",
  category: "cost",
  rationale:
    "Log storage grows with every request and is billed every month. Thirty days covers incident investigation; anything kept longer for audit belongs in cheaper archive storage.",
  citations: [cite("003", "Cost Optimization Strategies"), cite("002", "The Three Pillars")],
  remediation: `Keep logs for ${RETENTION_DAYS} days and archive what must be kept longer.`,
  detect(design) {
    return design.components.flatMap((component) =>
      component.kind === "observability" && component.config.logRetentionDays > RETENTION_DAYS
        ? [
            {
              targetId: component.id,
              message: `${component.name} keeps logs for ${component.config.logRetentionDays} days, paying to store them long after they help an investigation.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "observability", (config) => ({ ...config, logRetentionDays: RETENTION_DAYS }));
  },
});
