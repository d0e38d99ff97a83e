import { availabilityZonesOf, graphOf, instanceFloor, isOnRequestPath } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";
import { placeInSecondZone } from "./support/second-zone";
import type { Detection } from "./support/types";

export const workloadMultiAz = defineRule({
  id: "workload-multi-az",
  title: "Services and workers run at least 2 instances across 2 availability zones",
  severity: "warning",
  category: "reliability",
  rationale:
    "An availability zone can fail as a whole. Instances spread over at least two zones keep serving when one goes; instances in one zone, or a single instance, go down with it.",
  citations: [
    cite("003", "High Availability (99.95% Uptime SLA)"),
    cite("004", "High availability across multiple availability zones"),
    cite("004", "Private Subnets (Multiple AZs)"),
  ],
  remediation:
    "Run at least 2 replicas and spread them across availability zones. A workload drawn in one zone's private subnet also runs in a private subnet of a second availability zone, as AWS places a service in the private subnets of several zones.",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    for (const component of design.components) {
      if (component.kind !== "service" && component.kind !== "worker") continue;
      const problems: string[] = [];
      const floor = instanceFloor(component) ?? 1;
      // On a request path a single instance is reported by single-point-of-failure instead.
      if (floor < 2 && !isOnRequestPath(graph, component.id)) problems.push(`runs ${floor} instance`);
      const zones = availabilityZonesOf(graph, component.id);
      const onlyZone = zones.pinned && zones.spread < 2 ? zones.zones[0] : undefined;
      if (onlyZone) problems.push(`runs only in the availability zone ${onlyZone.name}`);
      else if (zones.spread < 2) problems.push("is not spread across availability zones");
      if (problems.length === 0) continue;
      detections.push({
        targetId: component.id,
        message: `${component.name} ${listNames(problems)}, so losing one zone stops it.`,
        componentIds: [component.id],
        zoneIds: onlyZone ? [onlyZone.id] : [],
        fixable: true,
      });
    }
    return detections;
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind !== "service" && component?.kind !== "worker") return design;
    const scaled = updateConfig(design, component.id, component.kind, (config) => ({
      ...config,
      spreadAcrossZones: true,
      replicas: Math.max(2, config.replicas),
      autoscaling: config.autoscaling.enabled
        ? { ...config.autoscaling, minReplicas: Math.max(2, config.autoscaling.minReplicas), maxReplicas: Math.max(2, config.autoscaling.maxReplicas) }
        : config.autoscaling,
    }));
    const zones = availabilityZonesOf(graphOf(scaled), component.id);
    return zones.pinned && zones.spread < 2 ? placeInSecondZone(scaled, component.id) : scaled;
  },
});
