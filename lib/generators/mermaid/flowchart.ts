import { kindDefinition, type Layer } from "../../catalog";
import { ZONE_DEFINITIONS } from "../../catalog/zones";
import { cite, formatCitation, type Annotation, type Component, type Connection, type Design, type Zone } from "../../model";
import { identifierFromId } from "../naming";
import { mermaidText, quotedLabel } from "./escape";
import { nodeShape } from "./shapes";

/** Node ids carry a prefix so no id can collide with a keyword such as `end` or `graph`. */
export function componentNodeId(id: string): string {
  return `c_${identifierFromId(id)}`;
}

function zoneNodeId(id: string): string {
  return `z_${identifierFromId(id)}`;
}

/** Fill colours per layer, in the spirit of the styled diagrams of 003 "Complete System Architecture". */
const LAYER_STYLES: Record<Layer, string> = {
  clients: "fill:#f5f5f5,stroke:#666666",
  edge: "fill:#ffe6cc,stroke:#d79b00",
  traffic: "fill:#fff2cc,stroke:#d6b656",
  compute: "fill:#dae8fc,stroke:#6c8ebf",
  data: "fill:#d5e8d4,stroke:#82b366",
  messaging: "fill:#e1d5e7,stroke:#9673a6",
  operations: "fill:#f8cecc,stroke:#b85450",
};

function nodeLine(component: Component, indent: string): string {
  const shape = nodeShape(component.kind);
  const label = `${mermaidText(component.name)}<br/>${mermaidText(`(${kindDefinition(component.kind).label})`)}`;
  return `${indent}${componentNodeId(component.id)}${shape.open}"${label}"${shape.close}`;
}

function annotationNodeId(id: string): string {
  return `n_${identifierFromId(id)}`;
}

/** A note or a captioned shape, drawn as a pale dashed box (an ellipse as a stadium) beside the cards it explains. */
function annotationLine(annotation: Annotation, indent: string): string {
  const [open, close] = annotation.kind === "ellipse" ? ["([", "])"] : ["[", "]"];
  return `${indent}${annotationNodeId(annotation.id)}${open}${quotedLabel(annotation.text)}${close}`;
}

const ANNOTATION_STYLE = "fill:#fef9e7,stroke:#d97706,stroke-dasharray:4 3,color:#422006";

function zoneLabel(zone: Zone): string {
  const details = [ZONE_DEFINITIONS[zone.kind].label, zone.code, zone.cidr].filter((part) => part !== undefined);
  return quotedLabel(`${zone.name} (${details.join(" ")})`);
}

/** How each protocol reads on an edge, without and with TLS. */
const PROTOCOL_LABELS: Record<Connection["protocol"], [string, string]> = {
  http: ["HTTP", "HTTPS"],
  grpc: ["gRPC", "gRPC TLS"],
  tcp: ["TCP", "TCP TLS"],
  async: ["async", "async"],
};

/** "HTTPS, 55 s": protocol (with TLS) and timeout, then the route and the user's own label. */
export function connectionSummary(connection: Connection): string {
  const parts = [PROTOCOL_LABELS[connection.protocol][connection.tls ? 1 : 0]];
  if (connection.timeoutMs !== undefined) parts.push(`${connection.timeoutMs / 1000} s`);
  if (connection.pathPrefix !== undefined) parts.push(connection.pathPrefix);
  if (connection.label !== undefined && connection.label.length > 0) parts.push(connection.label);
  return parts.join(", ");
}

function edgeLine(connection: Connection): string {
  const arrow = connection.protocol === "async" ? "-.->" : "-->";
  return `  ${componentNodeId(connection.source)} ${arrow}|${quotedLabel(connectionSummary(connection))}| ${componentNodeId(connection.target)}`;
}

/**
 * The design as a left-to-right flowchart: zones become nested subgraphs, components take a shape per
 * kind, connections carry protocol and timeout (002 "Timeout Configuration"), asynchronous ones are dotted.
 */
export function flowchart(design: Design): string {
  const zoneChildren = new Map<string | undefined, Zone[]>();
  for (const zone of design.zones) {
    const siblings = zoneChildren.get(zone.parentId) ?? [];
    siblings.push(zone);
    zoneChildren.set(zone.parentId, siblings);
  }
  const componentsByZone = new Map<string | undefined, Component[]>();
  for (const component of design.components) {
    const members = componentsByZone.get(component.zoneId) ?? [];
    members.push(component);
    componentsByZone.set(component.zoneId, members);
  }

  // Shapes without a caption say nothing in a text diagram; notes with text do.
  const annotationsByZone = new Map<string | undefined, Annotation[]>();
  for (const annotation of design.annotations) {
    if (annotation.text.trim() === "") continue;
    const members = annotationsByZone.get(annotation.zoneId) ?? [];
    members.push(annotation);
    annotationsByZone.set(annotation.zoneId, members);
  }

  const lines = ["flowchart LR", `  %% Edges carry protocol and timeout: ${formatCitation(cite("002", "Timeout Configuration"))}`];
  const writeZone = (zone: Zone, depth: number) => {
    const indent = "  ".repeat(depth);
    lines.push(`${indent}subgraph ${zoneNodeId(zone.id)}[${zoneLabel(zone)}]`);
    for (const child of zoneChildren.get(zone.id) ?? []) writeZone(child, depth + 1);
    for (const component of componentsByZone.get(zone.id) ?? []) lines.push(nodeLine(component, `${indent}  `));
    for (const annotation of annotationsByZone.get(zone.id) ?? []) lines.push(annotationLine(annotation, `${indent}  `));
    lines.push(`${indent}end`);
  };
  for (const zone of zoneChildren.get(undefined) ?? []) writeZone(zone, 1);
  for (const component of componentsByZone.get(undefined) ?? []) lines.push(nodeLine(component, "  "));
  for (const annotation of annotationsByZone.get(undefined) ?? []) lines.push(annotationLine(annotation, "  "));
  if (design.components.length === 0 && design.zones.length === 0 && annotationsByZone.size === 0) lines.push(`  empty_design[${quotedLabel("Empty design")}]`);

  for (const connection of design.connections) lines.push(edgeLine(connection));

  const layersInUse = new Map<Layer, string[]>();
  for (const component of design.components) {
    const layer = kindDefinition(component.kind).layer;
    const members = layersInUse.get(layer);
    if (members) members.push(componentNodeId(component.id));
    else layersInUse.set(layer, [componentNodeId(component.id)]);
  }
  for (const [layer, style] of Object.entries(LAYER_STYLES) as [Layer, string][]) {
    const members = layersInUse.get(layer);
    if (!members) continue;
    lines.push(`  classDef layer_${layer} ${style}`);
    lines.push(`  class ${members.join(",")} layer_${layer}`);
  }
  const notes = [...annotationsByZone.values()].flat().map((annotation) => annotationNodeId(annotation.id));
  if (notes.length > 0) {
    lines.push(`  classDef annotation ${ANNOTATION_STYLE}`);
    lines.push(`  class ${notes.join(",")} annotation`);
  }
  return `${lines.join("\n")}\n`;
}
