import architectureTemplate from "../../../templates/starter-repo/architecture.md.hbs";
import { kindDefinition } from "../../catalog";
import { ZONE_DEFINITIONS } from "../../catalog/zones";
import { ANNOTATION_LABELS } from "../../model";
import type { Render } from "../typescript/render";
import type { GeneratedFile } from "../types";
import type { StarterRepoFacts } from "./facts";
import { fencedBlock, markdownText } from "./markdown";
import { circuitBreakerCell, componentNamer, configCell, retryCell, timeoutCell } from "./settings";

export const PLATFORM_LABELS = { "ecs-fargate": "Amazon ECS on Fargate", eks: "Amazon EKS" } as const;

/** The view-model of docs/architecture.md: every design text escaped, every cell one line. */
function architectureViewModel(facts: StarterRepoFacts) {
  const { design } = facts;
  const nameOf = componentNamer(design);
  const zones = new Map(design.zones.map((zone) => [zone.id, zone]));
  const zoneName = (id: string | undefined) => {
    const zone = id === undefined ? undefined : zones.get(id);
    return zone ? markdownText(zone.name) : "none";
  };
  return {
    title: markdownText(design.name),
    archwayVersion: facts.archwayVersion,
    region: design.settings.cloudRegion,
    platform: PLATFORM_LABELS[design.settings.computePlatform],
    flowchart: fencedBlock("mermaid", facts.mermaid.flowchart),
    sequence: fencedBlock("mermaid", facts.mermaid.sequence),
    components: design.components.map((component) => ({
      id: component.id,
      name: markdownText(component.name),
      kind: markdownText(kindDefinition(component.kind).label),
      zone: zoneName(component.zoneId),
      settings: configCell(component.config),
    })),
    connections: design.connections.map((connection) => ({
      id: connection.id,
      from: nameOf(connection.source),
      to: nameOf(connection.target),
      protocol: connection.protocol,
      timeout: timeoutCell(connection),
      retries: retryCell(connection),
      circuitBreaker: circuitBreakerCell(connection),
      tls: connection.tls ? "yes" : "no",
      pathPrefix: connection.pathPrefix === undefined ? "" : markdownText(connection.pathPrefix),
    })),
    services: facts.plans.map((plan) => ({
      name: markdownText(plan.component.name),
      directory: plan.directory,
      port: plan.port,
      health: markdownText(`liveness ${plan.component.config.probes.livenessPath}, readiness ${plan.component.config.probes.readinessPath}`),
      environment: plan.environment.map((variable) => markdownText(`${variable.name}${variable.required ? "" : " (optional)"}`)).join("<br>"),
    })),
    // A note keeps its line breaks: each line is escaped on its own, then joined with a break the table cell allows.
    notes: design.annotations
      .filter((annotation) => annotation.text.trim() !== "")
      .map((annotation) => ({
        kind: ANNOTATION_LABELS[annotation.kind],
        text: annotation.text
          .split(/\r\n?|\n/)
          .map(markdownText)
          .filter((line) => line !== "")
          .join("<br>"),
        zone: zoneName(annotation.zoneId),
      })),
    zones: design.zones.map((zone) => ({
      id: zone.id,
      name: markdownText(zone.name),
      kind: markdownText(ZONE_DEFINITIONS[zone.kind].label),
      parent: zoneName(zone.parentId),
    })),
  };
}

export function architectureDocFile(facts: StarterRepoFacts, render: Render): GeneratedFile {
  return { path: "docs/architecture.md", contents: render(architectureTemplate, architectureViewModel(facts)) };
}
