import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

/** 003 "Horizontal Pod Autoscaler (HPA)": Minimum Replicas 2. */
const MIN_REPLICAS = 2;

export const autoscalingScaleToDemand = defineRule({
  id: "autoscaling-scale-to-demand",
  title: "Fixed fleets larger than the minimum scale with demand",
  severity: "info",
  category: "cost",
  rationale:
    "A workload pinned at its peak size pays for idle instances every night and weekend. Autoscaling between 2 and the peak keeps the same headroom when it is needed and scales down during low traffic.",
  citations: [cite("003", "Horizontal Pod Autoscaler (HPA)"), cite("003", "Cost Optimization Strategies")],
  remediation: `Enable autoscaling with a minimum of ${MIN_REPLICAS} and the current fleet size as the maximum.`,
  detect(design) {
    return design.components.flatMap((component) =>
      (component.kind === "service" || component.kind === "worker") && !component.config.autoscaling.enabled && component.config.replicas > MIN_REPLICAS
        ? [
            {
              targetId: component.id,
              message: `${component.name} always runs ${component.config.replicas} instances, paying for peak capacity around the clock.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "service" && component?.kind !== "worker") return design;
    return updateConfig(design, component.id, component.kind, (config) => ({
      ...config,
      autoscaling: { ...config.autoscaling, enabled: true, minReplicas: MIN_REPLICAS, maxReplicas: Math.max(config.replicas, config.autoscaling.maxReplicas) },
    }));
  },
});
