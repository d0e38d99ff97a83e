import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

/** 003 "Horizontal Pod Autoscaler (HPA)": Minimum Replicas 2, Maximum Replicas 10, Target CPU Utilization 70 %. */
const MIN_REPLICAS = 2;
const DEFAULT_MAX_REPLICAS = 10;
/** Above this, new instances arrive after the old ones are saturated. */
const MAX_CPU_TARGET = 80;
const DEFAULT_CPU_TARGET = 70;

export const autoscalingBounds = defineRule({
  id: "autoscaling-bounds",
  title: "Autoscaling bounds are sane",
  severity: "warning",
  category: "reliability",
  rationale:
    "An autoscaler that may shrink to one instance reintroduces a single point of failure; one whose maximum is not above its minimum cannot scale; a CPU target above 80 % leaves no headroom for the minutes new instances take to start.",
  citations: [cite("003", "Horizontal Pod Autoscaler (HPA)"), cite("004", "Auto-scaling: 2-10 tasks per service based on CPU/Memory")],
  remediation: `Scale between at least ${MIN_REPLICAS} and more than the minimum (2-10), targeting at most ${MAX_CPU_TARGET} % CPU (70 % is typical).`,
  detect(design) {
    return design.components.flatMap((component) => {
      if ((component.kind !== "service" && component.kind !== "worker") || !component.config.autoscaling.enabled) return [];
      const { minReplicas, maxReplicas, cpuTargetPercent } = component.config.autoscaling;
      const problems = [
        ...(minReplicas < MIN_REPLICAS ? [`may scale down to ${minReplicas} instance`] : []),
        ...(maxReplicas <= minReplicas ? [`cannot scale up (maximum ${maxReplicas}, minimum ${minReplicas})`] : []),
        ...(cpuTargetPercent > MAX_CPU_TARGET ? [`scales only at ${cpuTargetPercent} % CPU`] : []),
      ];
      if (problems.length === 0) return [];
      return [{ targetId: component.id, message: `${component.name} ${listNames(problems)}.`, componentIds: [component.id] }];
    });
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "service" && component?.kind !== "worker") return design;
    return updateConfig(design, component.id, component.kind, (config) => {
      const minReplicas = Math.max(MIN_REPLICAS, config.autoscaling.minReplicas);
      return {
        ...config,
        autoscaling: {
          ...config.autoscaling,
          minReplicas,
          maxReplicas: config.autoscaling.maxReplicas > minReplicas ? config.autoscaling.maxReplicas : Math.max(DEFAULT_MAX_REPLICAS, minReplicas + 1),
          cpuTargetPercent: config.autoscaling.cpuTargetPercent > MAX_CPU_TARGET ? DEFAULT_CPU_TARGET : config.autoscaling.cpuTargetPercent,
        },
      };
    });
  },
});
