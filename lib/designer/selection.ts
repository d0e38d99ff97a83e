import type { Design } from "@/lib/model";

/** What the person has selected on the canvas; ids only, so a selection survives edits to the items. */
export interface Selection {
  componentIds: readonly string[];
  connectionIds: readonly string[];
  zoneIds: readonly string[];
  annotationIds: readonly string[];
}

export const EMPTY_SELECTION: Selection = { componentIds: [], connectionIds: [], zoneIds: [], annotationIds: [] };

export function selectionOf(ids: Partial<Selection>): Selection {
  return { componentIds: ids.componentIds ?? [], connectionIds: ids.connectionIds ?? [], zoneIds: ids.zoneIds ?? [], annotationIds: ids.annotationIds ?? [] };
}

export function isSelectionEmpty(selection: Selection): boolean {
  return selectionSize(selection) === 0;
}

export function selectionSize(selection: Selection): number {
  return selection.componentIds.length + selection.connectionIds.length + selection.zoneIds.length + selection.annotationIds.length;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((id, index) => id === y[index]);
  return same(a.componentIds, b.componentIds) && same(a.connectionIds, b.connectionIds) && same(a.zoneIds, b.zoneIds) && same(a.annotationIds, b.annotationIds);
}

/** Drops ids that no longer exist, e.g. after undoing the command that created them. */
export function pruneSelection(selection: Selection, design: Design): Selection {
  const components = new Set(design.components.map((component) => component.id));
  const connections = new Set(design.connections.map((connection) => connection.id));
  const zones = new Set(design.zones.map((zone) => zone.id));
  const annotations = new Set(design.annotations.map((annotation) => annotation.id));
  const pruned = {
    componentIds: selection.componentIds.filter((id) => components.has(id)),
    connectionIds: selection.connectionIds.filter((id) => connections.has(id)),
    zoneIds: selection.zoneIds.filter((id) => zones.has(id)),
    annotationIds: selection.annotationIds.filter((id) => annotations.has(id)),
  };
  return sameSelection(pruned, selection) ? selection : pruned;
}

export function selectAll(design: Design): Selection {
  return {
    componentIds: design.components.map((component) => component.id),
    connectionIds: design.connections.map((connection) => connection.id),
    zoneIds: design.zones.map((zone) => zone.id),
    annotationIds: design.annotations.map((annotation) => annotation.id),
  };
}
