import type { Design, Zone } from "@/lib/model";
import { RECORD } from "../history";
import { canNestZone, zoneIndex, zoneOrigin } from "../geometry";
import { EMPTY_SELECTION, isSelectionEmpty, type Selection } from "../selection";
import { keepValidPlacements } from "../placements";
import type { Command } from "./types";

/**
 * Deletes the selected items. Connections to deleted components go with them; a deleted zone releases its
 * contents to the zone around it (where nesting allows, else the top level) at the same place on the canvas,
 * so deleting a box never deletes the architecture (or the notes) drawn in it. Acknowledgements of deleted items go too.
 */
export function deleteItems(design: Design, selection: Selection): Design {
  if (isSelectionEmpty(selection)) return design;
  const deletedZones = new Set(selection.zoneIds);
  const deletedComponents = new Set(selection.componentIds);
  const deletedAnnotations = new Set(selection.annotationIds);
  const zones = zoneIndex(design);

  const survivingParent = (zoneId: string | undefined, accept: (zone: Zone) => boolean): string | undefined => {
    let current = zoneId === undefined ? undefined : zones.get(zoneId);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (!deletedZones.has(current.id) && accept(current)) return current.id;
      current = current.parentId === undefined ? undefined : zones.get(current.parentId);
    }
    return undefined;
  };
  const relativeTo = (position: { x: number; y: number }, fromZone: string | undefined, toZone: string | undefined) => {
    const from = zoneOrigin(zones, fromZone);
    const to = zoneOrigin(zones, toZone);
    return { x: position.x + from.x - to.x, y: position.y + from.y - to.y };
  };

  const keptZoneIds = new Set(design.zones.filter((zone) => !deletedZones.has(zone.id)).map((zone) => zone.id));
  const components = design.components
    .filter((component) => !deletedComponents.has(component.id))
    .map((component) => {
      if (component.zoneId === undefined || !deletedZones.has(component.zoneId)) return keepValidPlacements(component, keptZoneIds);
      const zoneId = survivingParent(component.zoneId, () => true);
      const { zoneId: _deleted, ...rest } = component;
      const position = relativeTo(component.position, component.zoneId, zoneId);
      return keepValidPlacements((zoneId === undefined ? { ...rest, position } : { ...rest, zoneId, position }) as typeof component, keptZoneIds);
    });
  const annotations = design.annotations
    .filter((annotation) => !deletedAnnotations.has(annotation.id))
    .map((annotation) => {
      if (annotation.zoneId === undefined || !deletedZones.has(annotation.zoneId)) return annotation;
      const zoneId = survivingParent(annotation.zoneId, () => true);
      const { zoneId: _deleted, ...rest } = annotation;
      const position = relativeTo(annotation.position, annotation.zoneId, zoneId);
      return zoneId === undefined ? { ...rest, position } : { ...rest, zoneId, position };
    });
  const remainingZones = design.zones
    .filter((zone) => !deletedZones.has(zone.id))
    .map((zone): Zone => {
      if (zone.parentId === undefined || !deletedZones.has(zone.parentId)) return zone;
      const parentId = survivingParent(zone.parentId, (candidate) => canNestZone(zone.kind, candidate.kind));
      const { parentId: _deleted, ...rest } = zone;
      const position = relativeTo(zone.position, zone.parentId, parentId);
      return parentId === undefined ? { ...rest, position } : { ...rest, parentId, position };
    });

  const remainingComponentIds = new Set(components.map((component) => component.id));
  const deletedConnections = new Set(selection.connectionIds);
  const connections = design.connections.filter(
    (connection) => !deletedConnections.has(connection.id) && remainingComponentIds.has(connection.source) && remainingComponentIds.has(connection.target),
  );
  const remainingConnectionIds = new Set(connections.map((connection) => connection.id));
  const removedIds = new Set([
    ...deletedComponents,
    ...deletedZones,
    ...design.connections.filter((connection) => !remainingConnectionIds.has(connection.id)).map((connection) => connection.id),
  ]);
  const acknowledgements = design.acknowledgements.filter((acknowledgement) => !removedIds.has(acknowledgement.targetId));
  return { ...design, components, connections, zones: remainingZones, acknowledgements, annotations };
}

export function deleteSelectionCommand(selection: Selection): Command {
  return { label: "Delete", undo: RECORD, run: (design) => ({ design: deleteItems(design, selection), selection: EMPTY_SELECTION }) };
}
