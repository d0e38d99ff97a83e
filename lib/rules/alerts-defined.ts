import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const alertsDefined = defineRule({
  id: "alerts-defined",
  title: "Alerts are defined",
  severity: "warning",
  category: "operations",
  rationale:
    "Dashboards nobody is watching do not wake anyone at 3 a.m. Alerts on symptoms (error rate above 5 % for 5 minutes, p99 latency above 1 s, a failing health check, an exhausted connection pool) page the on-call engineer before users report the outage.",
  citations: [cite("002", "Alerting Rules"), cite("004", "Alarms (per service):")],
  remediation: "Turn on alerting: page on error rate > 5 % and p99 latency > 1 s for 5 minutes.",
  detect(design) {
    return design.components.flatMap((component) =>
      component.kind === "observability" && !component.config.alerts
        ? [
            {
              targetId: component.id,
              message: `${component.name} collects telemetry but defines no alerts, so nobody is told when error rates or latency climb.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "observability", (config) => ({ ...config, alerts: true }));
  },
});
