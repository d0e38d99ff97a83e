import type { Connection as FlowConnection, EdgeChange, NodeChange } from "@xyflow/react";
import { isComponentKind } from "@/lib/catalog";
import { ZONE_KINDS, type ZoneKind } from "@/lib/catalog/zones";
import type { Design } from "@/lib/model";
import { addComponentCommand, addZoneCommand } from "./commands/add";
import { addAnnotationCommand, isAnnotationKind } from "./commands/annotations";
import { connectCommand } from "./commands/connect";
import type { Positions } from "./commands/move";
import type { Command } from "./commands/types";
import type { Point } from "./geometry";
import { componentIdOfNode } from "./placements";
import { sameSelection, type Selection } from "./selection";

/** The drag-and-drop type the palette puts its kind under. */
export const PALETTE_DRAG_TYPE = "application/archway-kind";

function isZoneKind(kind: string): kind is ZoneKind {
  return (ZONE_KINDS as readonly string[]).includes(kind);
}

/** What dropping (or pressing Enter on) a palette item does: add a component, a zone or a note centred on `center`. */
export function paletteCommand(kind: string, center: Point): Command | null {
  if (isComponentKind(kind)) return addComponentCommand(kind, center);
  if (isZoneKind(kind)) return addZoneCommand(kind, center);
  if (isAnnotationKind(kind)) return addAnnotationCommand(kind, center);
  return null;
}

export function connectFromFlow(connection: Pick<FlowConnection, "source" | "target">): Command {
  return connectCommand(connection.source, connection.target);
}

/** Applies React Flow's select changes to the store's selection; the same object when nothing changed. */
export function selectionFromChanges(
  design: Design,
  current: Selection,
  nodeChanges: readonly NodeChange[],
  edgeChanges: readonly EdgeChange[],
): Selection {
  const components = new Set(current.componentIds);
  const zones = new Set(current.zoneIds);
  const connections = new Set(current.connectionIds);
  const annotations = new Set(current.annotationIds);
  const zoneIds = new Set(design.zones.map((zone) => zone.id));
  const annotationIds = new Set(design.annotations.map((annotation) => annotation.id));
  // Deselections first: selecting a component's echo card deselects its other cards in the same batch.
  const selects = nodeChanges.filter((change) => change.type === "select");
  for (const change of [...selects.filter((item) => !item.selected), ...selects.filter((item) => item.selected)]) {
    const id = componentIdOfNode(change.id);
    const set = zoneIds.has(id) ? zones : annotationIds.has(id) ? annotations : components;
    if (change.selected) set.add(id);
    else set.delete(id);
  }
  for (const change of edgeChanges) {
    if (change.type !== "select") continue;
    if (change.selected) connections.add(change.id);
    else connections.delete(change.id);
  }
  const next: Selection = { componentIds: [...components], connectionIds: [...connections], zoneIds: [...zones], annotationIds: [...annotations] };
  return sameSelection(next, current) ? current : next;
}

/** Positions reported by React Flow's position changes (relative to the parent zone, as in the design). */
export function positionsFromChanges(changes: readonly NodeChange[]): { positions: Map<string, Point>; dragging: boolean } {
  const positions = new Map<string, Point>();
  let dragging = false;
  for (const change of changes) {
    if (change.type !== "position" || !change.position) continue;
    positions.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
    if (change.dragging) dragging = true;
  }
  return { positions, dragging };
}

/** Merges drag ticks: later positions replace earlier ones per node. */
export function mergePositions(previous: Positions, next: Positions): Positions {
  if (next.size === 0) return previous;
  const merged = new Map(previous);
  for (const [id, position] of next) merged.set(id, position);
  return merged;
}
