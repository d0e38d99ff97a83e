import { graphOf, type DesignGraph } from "../graph";
import { cite, type ComponentOf, type Design } from "../model";
import { defineRule } from "./support/define-rule";
import { connectToShared, updateConfig } from "./support/edits";
import { listNames } from "./support/format";
import type { Detection } from "./support/types";

const PILLARS = ["metrics", "logs", "traces"] as const;

function telemetryTargets(graph: DesignGraph, componentId: string): ComponentOf<"observability">[] {
  return graph
    .outgoing(componentId)
    .map((connection) => graph.component(connection.target))
    .filter((target): target is ComponentOf<"observability"> => target.kind === "observability");
}

/** Where a new shared component goes, relative to the workload. */
const OFFSET = { x: 220, y: 160 };

function collectsEverything(component: ComponentOf<"observability">): boolean {
  return PILLARS.every((pillar) => component.config[pillar]);
}

function collectEverything(design: Design, observabilityId: string): Design {
  return updateConfig(design, observabilityId, "observability", (config) => ({ ...config, metrics: true, logs: true, traces: true }));
}

export const observabilityReachable = defineRule({
  id: "observability-reachable",
  title: "Every workload sends metrics, logs and traces",
  severity: "warning",
  category: "operations",
  rationale:
    "You cannot fix what you cannot see: metrics say how much and how fast, logs say what happened, traces say where the time went across services. A workload that reports none of them turns an incident into guesswork.",
  citations: [cite("002", "The Three Pillars"), cite("003", "Complete Observability Stack"), cite("000", "PHASE 5: OBSERVABILITY (Throughout the Request)")],
  remediation: "Connect the workload to an observability component that collects metrics, logs and traces.",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    for (const component of design.components) {
      if (component.kind !== "service" && component.kind !== "worker") continue;
      const targets = telemetryTargets(graph, component.id);
      const missing = PILLARS.filter((pillar) => !targets.some((target) => target.config[pillar]));
      if (missing.length === 0) continue;
      detections.push({
        targetId: component.id,
        message:
          targets.length === 0
            ? `${component.name} sends no metrics, logs or traces to an observability component.`
            : `${component.name} sends no ${listNames(missing)}: ${listNames(targets.map((target) => target.name))} does not collect them.`,
        componentIds: [component.id, ...targets.map((target) => target.id)],
      });
    }
    return detections;
  },
  fix(design, finding) {
    const [target] = telemetryTargets(graphOf(design), finding.targetId);
    if (target) return collectEverything(design, target.id);
    const connected = connectToShared(design, finding.targetId, "observability", OFFSET, (component) => component.kind === "observability" && collectsEverything(component));
    const [chosen] = telemetryTargets(graphOf(connected), finding.targetId);
    return collectsEverything(chosen) ? connected : collectEverything(connected, chosen.id);
  },
});
