import type { Design } from "@/lib/model";
import { RECORD } from "../history";
import { COMPONENT_SIZE, zoneIndex, zoneOrigin, type Point, type Rect } from "../geometry";
import type { Selection } from "../selection";
import { dropItems } from "./move";
import type { Command } from "./types";

export type AlignEdge = "left" | "center" | "right" | "top" | "middle" | "bottom";
export type DistributeAxis = "horizontal" | "vertical";

export const ALIGN_LABELS: Record<AlignEdge, string> = {
  left: "Align left",
  center: "Align centres horizontally",
  right: "Align right",
  top: "Align top",
  middle: "Align middles vertically",
  bottom: "Align bottom",
};

export const DISTRIBUTE_LABELS: Record<DistributeAxis, string> = {
  horizontal: "Distribute horizontally",
  vertical: "Distribute vertically",
};

interface Placed {
  id: string;
  /** Canvas rectangle. */
  rect: Rect;
  /** Canvas position of the parent zone's top-left corner; the item's stored position is relative to it. */
  parent: Point;
}

/**
 * The selected cards and zones in canvas coordinates. An item inside a selected zone is left out: it moves
 * with its zone, and moving it on its own as well would count it twice.
 */
function placedItems(design: Design, selection: Selection): Placed[] {
  const zones = zoneIndex(design);
  const selectedZones = new Set(selection.zoneIds);
  const insideSelectedZone = (parentId: string | undefined): boolean => {
    const seen = new Set<string>();
    for (let current = parentId; current !== undefined && !seen.has(current); current = zones.get(current)?.parentId) {
      if (selectedZones.has(current)) return true;
      seen.add(current);
    }
    return false;
  };
  const items: Placed[] = [];
  for (const id of selection.zoneIds) {
    const zone = zones.get(id);
    if (!zone || insideSelectedZone(zone.parentId)) continue;
    const parent = zoneOrigin(zones, zone.parentId);
    items.push({ id, rect: { x: parent.x + zone.position.x, y: parent.y + zone.position.y, ...zone.size }, parent });
  }
  const selectedComponents = new Set(selection.componentIds);
  for (const component of design.components) {
    if (!selectedComponents.has(component.id) || insideSelectedZone(component.zoneId)) continue;
    const parent = zoneOrigin(zones, component.zoneId);
    items.push({ id: component.id, rect: { x: parent.x + component.position.x, y: parent.y + component.position.y, ...COMPONENT_SIZE }, parent });
  }
  return items;
}

/** Stored (parent-relative) positions for items given their new canvas corners. */
function positionsFor(items: readonly Placed[], corners: ReadonlyMap<string, Point>): Map<string, Point> {
  const positions = new Map<string, Point>();
  for (const item of items) {
    const corner = corners.get(item.id);
    if (corner && (corner.x !== item.rect.x || corner.y !== item.rect.y)) positions.set(item.id, { x: corner.x - item.parent.x, y: corner.y - item.parent.y });
  }
  return positions;
}

function alignedCorner(rect: Rect, edge: AlignEdge, target: number): Point {
  switch (edge) {
    case "left":
      return { x: target, y: rect.y };
    case "center":
      return { x: Math.round(target - rect.width / 2), y: rect.y };
    case "right":
      return { x: target - rect.width, y: rect.y };
    case "top":
      return { x: rect.x, y: target };
    case "middle":
      return { x: rect.x, y: Math.round(target - rect.height / 2) };
    case "bottom":
      return { x: rect.x, y: target - rect.height };
  }
}

/** The line the items line up on: the outermost edge for edges, the centre of their bounding box for centres. */
function alignTarget(rects: readonly Rect[], edge: AlignEdge): number {
  const left = Math.min(...rects.map((rect) => rect.x));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const top = Math.min(...rects.map((rect) => rect.y));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  const targets: Record<AlignEdge, number> = { left, center: (left + right) / 2, right, top, middle: (top + bottom) / 2, bottom };
  return targets[edge];
}

/**
 * Lines up the selected cards and zones on one edge or centre line, as drawing tools do: left, top, right
 * and bottom on the outermost item, centres on the middle of the selection's bounds. Works in canvas
 * coordinates, so items in different zones line up on screen; each then lands like a drag (it joins the
 * zone under its centre and zones grow to hold it).
 */
export function alignItems(design: Design, selection: Selection, edge: AlignEdge): Design {
  const items = placedItems(design, selection);
  if (items.length < 2) return design;
  const target = alignTarget(
    items.map((item) => item.rect),
    edge,
  );
  const corners = new Map(items.map((item) => [item.id, alignedCorner(item.rect, edge, target)]));
  return dropItems(design, positionsFor(items, corners));
}

/**
 * Spaces three or more selected items evenly: the first and last (by position along the axis) stay, and the
 * ones between move so the gaps between neighbours are equal.
 */
export function distributeItems(design: Design, selection: Selection, axis: DistributeAxis): Design {
  const items = placedItems(design, selection);
  if (items.length < 3) return design;
  const start = (rect: Rect) => (axis === "horizontal" ? rect.x : rect.y);
  const length = (rect: Rect) => (axis === "horizontal" ? rect.width : rect.height);
  const ordered = [...items].sort((a, b) => start(a.rect) - start(b.rect) || a.id.localeCompare(b.id));
  const first = ordered[0].rect;
  const last = ordered[ordered.length - 1].rect;
  const span = start(last) + length(last) - start(first);
  const gap = (span - ordered.reduce((sum, item) => sum + length(item.rect), 0)) / (ordered.length - 1);
  const corners = new Map<string, Point>();
  let cursor = start(first);
  for (const item of ordered) {
    const at = Math.round(cursor);
    corners.set(item.id, axis === "horizontal" ? { x: at, y: item.rect.y } : { x: item.rect.x, y: at });
    cursor += length(item.rect) + gap;
  }
  return dropItems(design, positionsFor(items, corners));
}

export function alignCommand(selection: Selection, edge: AlignEdge): Command {
  return { label: ALIGN_LABELS[edge], undo: RECORD, run: (design) => ({ design: alignItems(design, selection, edge) }) };
}

export function distributeCommand(selection: Selection, axis: DistributeAxis): Command {
  return { label: DISTRIBUTE_LABELS[axis], undo: RECORD, run: (design) => ({ design: distributeItems(design, selection, axis) }) };
}
