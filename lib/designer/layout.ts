import ELK from "elkjs/lib/elk.bundled.js";
import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { Design } from "@/lib/model";
import { connectionLabel } from "./labels";
import { COMPONENT_SIZE, ZONE_PADDING, zoneIndex, zoneOrigin, type Point, type Size } from "./geometry";

/** New positions (relative to each item's parent, as in the design) and zone sizes. */
export interface LayoutResult {
  positions: Record<string, Point>;
  sizes: Record<string, Size>;
}

const ROOT = "__root__";

const LAYOUT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  // One pass over the whole hierarchy: children are placed inside their zones, zones among each other,
  // and edges that cross zone borders still pull their ends into order.
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.spacing.nodeNode": "36",
  "elk.layered.spacing.nodeNodeBetweenLayers": "96",
  "elk.spacing.componentComponent": "60",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  // Edge labels ("HTTP · 55 s") get room between layers instead of covering short edges.
  "elk.edgeLabels.placement": "CENTER",
};

const ZONE_OPTIONS = {
  "elk.padding": `[top=${ZONE_PADDING.top + 8},left=${ZONE_PADDING.side + 4},bottom=${ZONE_PADDING.bottom + 4},right=${ZONE_PADDING.side + 4}]`,
  "elk.nodeSize.constraints": "MINIMUM_SIZE",
  "elk.nodeSize.minimum": "(260, 120)",
};

/** Parent zone id of each item (ROOT for top-level items). */
function parentsOf(design: Design): Map<string, string> {
  const parents = new Map<string, string>();
  for (const zone of design.zones) parents.set(zone.id, zone.parentId ?? ROOT);
  for (const component of design.components) parents.set(component.id, component.zoneId ?? ROOT);
  return parents;
}

function ancestry(parents: ReadonlyMap<string, string>, id: string): string[] {
  const chain: string[] = [];
  let current = parents.get(id);
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = current === ROOT ? undefined : parents.get(current);
  }
  return chain;
}

/** ELK wants an edge in the lowest zone that contains both of its ends. */
function lowestCommonAncestor(parents: ReadonlyMap<string, string>, a: string, b: string): string {
  const ofB = new Set(ancestry(parents, b));
  return ancestry(parents, a).find((id) => ofB.has(id)) ?? ROOT;
}

/** Width of an edge label pill: about 6.2 px per character at 10.5 px, plus padding and the TLS lock. */
function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * 6.2 + 28);
}

function toElkGraph(design: Design): ElkNode {
  const parents = parentsOf(design);
  const nodes = new Map<string, ElkNode>([[ROOT, { id: ROOT, layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] }]]);
  for (const zone of design.zones) {
    const hasChildren = design.zones.some((other) => other.parentId === zone.id) || design.components.some((component) => component.zoneId === zone.id);
    nodes.set(zone.id, {
      id: zone.id,
      layoutOptions: ZONE_OPTIONS,
      children: [],
      edges: [],
      ...(hasChildren ? {} : { width: zone.size.width, height: zone.size.height }),
    });
  }
  for (const component of design.components) nodes.set(component.id, { id: component.id, ...COMPONENT_SIZE });
  const ordered = [...design.zones.map((zone) => zone.id), ...design.components.map((component) => component.id)];
  for (const id of ordered) {
    const parent = nodes.get(parents.get(id) ?? ROOT) ?? nodes.get(ROOT);
    parent?.children?.push(nodes.get(id) as ElkNode);
  }
  for (const connection of design.connections) {
    const container = nodes.get(lowestCommonAncestor(parents, connection.source, connection.target)) ?? nodes.get(ROOT);
    const label = { text: connectionLabel(connection), width: estimateLabelWidth(connectionLabel(connection)), height: 18 };
    const edge: ElkExtendedEdge = { id: connection.id, sources: [connection.source], targets: [connection.target], labels: [label] };
    container?.edges?.push(edge);
  }
  return nodes.get(ROOT) as ElkNode;
}

/** Where the top-left corner of everything on the canvas is, so a layout stays where the person was looking. */
function topLeft(design: Design): Point {
  const zones = zoneIndex(design);
  const points = [
    ...design.zones.filter((zone) => zone.parentId === undefined).map((zone) => zone.position),
    ...design.components.filter((component) => component.zoneId === undefined).map((component) => component.position),
  ];
  if (points.length === 0) return zoneOrigin(zones, undefined);
  return { x: Math.min(...points.map((point) => point.x)), y: Math.min(...points.map((point) => point.y)) };
}

/**
 * Layered left-to-right layout with elkjs: children inside each zone, zones around them, zone membership
 * untouched. Runs in Node with the bundled build (it needs no worker); the editor passes an engine that runs in a
 * Web Worker, so a large design never holds the page.
 */
export async function layoutDesign(design: Design, elk: Pick<ElkEngine, "layout"> = new ELK()): Promise<LayoutResult> {
  const laidOut = await elk.layout(toElkGraph(design));
  const origin = topLeft(design);
  const zoneIds = new Set(design.zones.map((zone) => zone.id));
  const result: LayoutResult = { positions: {}, sizes: {} };
  const visit = (node: ElkNode, isRoot: boolean) => {
    for (const child of node.children ?? []) {
      const offset = isRoot ? origin : { x: 0, y: 0 };
      result.positions[child.id] = { x: Math.round((child.x ?? 0) + offset.x), y: Math.round((child.y ?? 0) + offset.y) };
      if (zoneIds.has(child.id)) result.sizes[child.id] = { width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) };
      visit(child, false);
    }
  };
  visit(laidOut, true);
  return result;
}
