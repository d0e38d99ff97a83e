import { enclosingZone, instanceFloor, isOnRequestPath } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";
import type { Detection } from "./support/types";

export const workloadMultiAz = defineRule({
  id: "workload-multi-az",
  title: "Services and workers run at least 2 instances across 2 availability zones",
  severity: "warning",
  category: "reliability",
  rationale:
    "An availability zone can fail as a whole. Instances spread over at least two zones keep serving when one goes; instances in one zone, or a single instance, go down with it.",
  citations: [cite("003", "High Availability (99.95% Uptime SLA)"), cite("004", "High availability across multiple availability zones")],
  remediation: "Run at least 2 replicas, spread across availability zones, and place the workload in a subnet that spans zones rather than inside one zone.",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    for (const component of design.components) {
      if (component.kind !== "service" && component.kind !== "worker") continue;
      const problems: string[] = [];
      const floor = instanceFloor(component) ?? 1;
      // On a request path a single instance is reported by single-point-of-failure instead.
      if (floor < 2 && !isOnRequestPath(graph, component.id)) problems.push(`runs ${floor} instance`);
      if (!component.config.spreadAcrossZones) problems.push("is not spread across availability zones");
      const zone = enclosingZone(graph, component.id, "availability-zone");
      if (zone) problems.push(`is placed inside the single availability zone ${zone.name}`);
      if (problems.length === 0) continue;
      detections.push({
        targetId: component.id,
        message: `${component.name} ${listNames(problems)}, so losing one zone stops it.`,
        componentIds: [component.id],
        zoneIds: zone ? [zone.id] : [],
        fixable: zone === undefined,
      });
    }
    return detections;
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "service" && component?.kind !== "worker") return design;
    return updateConfig(design, component.id, component.kind, (config) => ({
      ...config,
      spreadAcrossZones: true,
      replicas: Math.max(2, config.replicas),
      autoscaling: config.autoscaling.enabled
        ? { ...config.autoscaling, minReplicas: Math.max(2, config.autoscaling.minReplicas), maxReplicas: Math.max(2, config.autoscaling.maxReplicas) }
        : config.autoscaling,
    }));
  },
});
