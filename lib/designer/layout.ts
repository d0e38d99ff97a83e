import type { Design } from "@/lib/model";
import { COMPONENT_SIZE, ZONE_PADDING, zoneIndex, zoneOrigin, type Point, type Size } from "./geometry";
import { COMFORTABLE_ZOOM, layeredLayout, type LayeredSpacing } from "./layered-layout";

/** New positions (relative to each item's parent, as in the design) and zone sizes. */
export interface LayoutResult {
  positions: Record<string, Point>;
  sizes: Record<string, Size>;
}

const ROOT = "__root__";

/**
 * Spacing of every level. The target is the editor's canvas in a 1440×900 window (876×848) less a fitted view's
 * margins: a level wraps its chain of layers into rows when that lets it fit this shape larger, so a long request
 * chain folds instead of making a wide strip. Measured on the templates (lib/designer/layout.test.ts): wider gaps
 * for long labels or more room between cards make the largest templates too large to read when fitted.
 */
const SPACING: LayeredSpacing = { layerGap: 96, nodeGap: 24, rowGap: 40, target: { width: 800, height: 770 } };

/** A zone's room around its children: its header above, a margin on the other sides. */
const ZONE_INSET = { top: ZONE_PADDING.top + 8, side: ZONE_PADDING.side + 4, bottom: ZONE_PADDING.bottom + 4 };
const MIN_ZONE_SIZE: Size = { width: 260, height: 120 };

/**
 * Shapes tried for what is inside zones: which one lets the whole design fit the screen largest depends on what
 * surrounds each zone, so the layout is made for each (a few milliseconds each) and the best kept; the first
 * wins a tie.
 */
const ZONE_TARGETS: Size[] = [SPACING.target, { width: 1100, height: 700 }, { width: 1400, height: 600 }, { width: 600, height: 1000 }, { width: 1000, height: 1000 }];

/** Parent zone id of each item (ROOT for top-level items). */
function parentsOf(design: Design): Map<string, string> {
  const parents = new Map<string, string>();
  for (const zone of design.zones) parents.set(zone.id, zone.parentId ?? ROOT);
  for (const component of design.components) parents.set(component.id, component.zoneId ?? ROOT);
  return parents;
}

/** The item itself, then its zone, that zone's parent, … up to ROOT. */
function chainToRoot(parents: ReadonlyMap<string, string>, id: string): string[] {
  const chain = [id];
  let current = parents.get(id);
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = current === ROOT ? undefined : parents.get(current);
  }
  if (chain[chain.length - 1] !== ROOT) chain.push(ROOT);
  return chain;
}

/**
 * Where a connection is laid out and between which boxes: in the lowest zone holding both ends, between the
 * two children of that zone that hold them (the ends themselves, or the zones they sit in). A zone's layout
 * only sees its own children, so a call into a nested zone pulls that zone into order as a whole.
 */
function liftedEdge(parents: ReadonlyMap<string, string>, source: string, target: string): { container: string; from: string; to: string } | undefined {
  const sourceChain = chainToRoot(parents, source);
  const targetChain = chainToRoot(parents, target);
  const inTarget = new Set(targetChain);
  const containerIndex = sourceChain.findIndex((id) => id !== source && inTarget.has(id));
  if (containerIndex <= 0) return undefined;
  const container = sourceChain[containerIndex];
  const from = sourceChain[containerIndex - 1];
  const to = targetChain[targetChain.indexOf(container) - 1];
  if (to === undefined || from === to) return undefined;
  return { container, from, to };
}

interface LevelEdge {
  from: string;
  to: string;
}

/** The children of each level (ROOT and every zone), in model order, and the calls lifted to each level. */
function levelsOf(design: Design): { children: Map<string, string[]>; edges: Map<string, LevelEdge[]> } {
  const parents = parentsOf(design);
  const children = new Map<string, string[]>([[ROOT, []]]);
  for (const zone of design.zones) children.set(zone.id, []);
  for (const id of [...design.zones.map((zone) => zone.id), ...design.components.map((component) => component.id)]) {
    (children.get(parents.get(id) ?? ROOT) ?? (children.get(ROOT) as string[])).push(id);
  }
  const edges = new Map<string, LevelEdge[]>();
  // Several calls between the same two boxes of a level pull as one.
  const seen = new Set<string>();
  for (const connection of design.connections) {
    const lifted = liftedEdge(parents, connection.source, connection.target);
    if (!lifted) continue;
    const key = `${lifted.from}\u0000${lifted.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edge = { from: lifted.from, to: lifted.to };
    const list = edges.get(lifted.container);
    if (list) list.push(edge);
    else edges.set(lifted.container, [edge]);
  }
  return { children, edges };
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
 * Compact layered left-to-right layout: each zone's children are laid out inside it first (deepest zones
 * first), then the zone is placed among its siblings as one box, so zone membership is untouched and what is
 * inside one zone never stretches another; long chains wrap into rows so the whole keeps about the shape of
 * the screen. Edges are not part of the result: the canvas routes them around the cards wherever they are
 * (see edge-routing.ts). Pure and synchronous; the editor runs it in a Web Worker.
 */
export function layoutDesign(design: Design): LayoutResult {
  const levels = levelsOf(design);
  const screen = SPACING.target;
  let best: { result: LayoutResult; fit: number } | undefined;
  for (const inner of design.zones.length === 0 ? [screen] : ZONE_TARGETS) {
    const { result, size } = layoutLevels(design, levels, inner);
    const fit = Math.min(COMFORTABLE_ZOOM, screen.width / size.width, screen.height / size.height);
    if (!best || fit > best.fit + 0.005) best = { result, fit };
  }
  const result = (best as { result: LayoutResult }).result;
  const origin = topLeft(design);
  for (const id of levels.children.get(ROOT) ?? []) {
    const point = result.positions[id];
    if (point) result.positions[id] = { x: point.x + origin.x, y: point.y + origin.y };
  }
  return result;
}

/** One bottom-up pass: every zone's children laid out for the `inner` shape, the top level for the screen. */
function layoutLevels(design: Design, { children, edges }: ReturnType<typeof levelsOf>, inner: Size): { result: LayoutResult; size: Size } {
  const zoneIds = new Set(design.zones.map((zone) => zone.id));
  const zones = zoneIndex(design);
  const result: LayoutResult = { positions: {}, sizes: {} };
  const sizeOf = new Map<string, Size>();
  const layOut = (level: string, trail: ReadonlySet<string>): Size => {
    const items = children.get(level) ?? [];
    for (const id of items) {
      if (!zoneIds.has(id)) sizeOf.set(id, COMPONENT_SIZE);
      else if (trail.has(id)) sizeOf.set(id, zones.get(id)?.size ?? MIN_ZONE_SIZE);
      else sizeOf.set(id, layOut(id, new Set([...trail, id])));
    }
    const spacing = level === ROOT ? SPACING : { ...SPACING, target: inner };
    const laidOut = layeredLayout({ nodes: items.map((id) => ({ id, size: sizeOf.get(id) as Size })), edges: edges.get(level) ?? [] }, spacing);
    const inset = level === ROOT ? { top: 0, side: 0, bottom: 0 } : ZONE_INSET;
    for (const [id, point] of laidOut.positions) result.positions[id] = { x: point.x + inset.side, y: point.y + inset.top };
    if (level === ROOT) return laidOut.size;
    const empty = items.length === 0;
    const size = {
      width: empty ? (zones.get(level)?.size.width ?? MIN_ZONE_SIZE.width) : Math.max(MIN_ZONE_SIZE.width, laidOut.size.width + 2 * inset.side),
      height: empty ? (zones.get(level)?.size.height ?? MIN_ZONE_SIZE.height) : Math.max(MIN_ZONE_SIZE.height, laidOut.size.height + inset.top + inset.bottom),
    };
    result.sizes[level] = size;
    return size;
  };
  return { result, size: layOut(ROOT, new Set([ROOT])) };
}
