import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const workloadLivenessReadiness = defineRule({
  id: "workload-liveness-readiness",
  title: "Workloads have separate liveness and readiness checks",
  severity: "warning",
  category: "reliability",
  rationale:
    "Liveness answers 'is the process stuck?' and restarts it; readiness answers 'can it serve now?' by checking its database and cache, and only takes it out of rotation. One endpoint for both either restarts healthy instances whenever a dependency blips, or keeps sending traffic to instances that cannot serve it.",
  citations: [cite("002", "Health Checks"), cite("001", "Health check endpoint (used by Kubernetes liveness probe)")],
  remediation: "Serve liveness on /health (process only) and readiness on /ready (dependencies included).",
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind !== "service" && component.kind !== "worker") return [];
      const { livenessPath, readinessPath } = component.config.probes;
      if (livenessPath !== readinessPath) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} uses ${livenessPath} for both liveness and readiness, so a dependency outage restarts it instead of just taking it out of rotation.`,
          componentIds: [component.id],
        },
      ];
    });
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "service" && component?.kind !== "worker") return design;
    const readinessPath = component.config.probes.livenessPath === "/ready" ? "/readyz" : "/ready";
    return updateConfig(design, component.id, component.kind, (config) => ({ ...config, probes: { ...config.probes, readinessPath } }));
  },
});
