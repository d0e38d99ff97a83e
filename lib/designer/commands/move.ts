import type { Design, Zone } from "@/lib/model";
import { RECORD, type UndoBehaviour } from "../history";
import { centerOf, COMPONENT_SIZE, innermostZoneAt, zoneAndDescendants, zoneIndex, zoneOrigin, zoneParentAt, zoneRect, type Point, type Rect } from "../geometry";
import { pushSiblings } from "../push-siblings";
import { reparentAnnotation } from "./annotations";
import { keepValidPlacements, movePlacements, parsePlacementNodeId } from "../placements";
import { growZonesToFit } from "./fit-zones";
import type { Command } from "./types";

/** Positions keyed by component, zone or annotation id, relative to the item's current parent zone. */
export type Positions = ReadonlyMap<string, Point>;

const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/** Moves items without changing their zones; untouched items keep their identity (to-flow relies on it). */
export function moveItems(design: Design, positions: Positions): Design {
  if (positions.size === 0) return design;
  let componentsChanged = false;
  const components = design.components.map((component) => {
    const position = positions.get(component.id);
    if (!position || samePoint(position, component.position)) return component;
    componentsChanged = true;
    return { ...component, position: { x: position.x, y: position.y } };
  });
  let zonesChanged = false;
  const zones = design.zones.map((zone) => {
    const position = positions.get(zone.id);
    if (!position || samePoint(position, zone.position)) return zone;
    zonesChanged = true;
    return { ...zone, position: { x: position.x, y: position.y } };
  });
  let annotationsChanged = false;
  const annotations = design.annotations.map((annotation) => {
    const position = positions.get(annotation.id);
    if (!position || samePoint(position, annotation.position)) return annotation;
    annotationsChanged = true;
    return { ...annotation, position: { x: position.x, y: position.y } };
  });
  const moved =
    !componentsChanged && !zonesChanged && !annotationsChanged
      ? design
      : { ...design, ...(componentsChanged ? { components } : {}), ...(zonesChanged ? { zones } : {}), ...(annotationsChanged ? { annotations } : {}) };
  return movePlacements(moved, positions);
}

/** Moves items with the keyboard or from code: no change of zones. */
export function moveItemsCommand(positions: Positions, undo: UndoBehaviour = RECORD): Command {
  return { label: "Move", undo, run: (design) => ({ design: moveItems(design, positions) }) };
}

function reparentComponent(design: Design, componentId: string, zoneId: string | undefined): Design {
  const zones = zoneIndex(design);
  return {
    ...design,
    components: design.components.map((component) => {
      if (component.id !== componentId || component.zoneId === zoneId) return component;
      const from = zoneOrigin(zones, component.zoneId);
      const to = zoneOrigin(zones, zoneId);
      const { zoneId: _previous, ...rest } = component;
      const position = { x: component.position.x + from.x - to.x, y: component.position.y + from.y - to.y };
      // Dropped into a zone it also runs in: the card takes that placement's place.
      return keepValidPlacements((zoneId === undefined ? { ...rest, position } : { ...rest, zoneId, position }) as typeof component, zones);
    }),
  };
}

function reparentZone(design: Design, zoneId: string, parentId: string | undefined): Design {
  const zones = zoneIndex(design);
  return {
    ...design,
    zones: design.zones.map((zone): Zone => {
      if (zone.id !== zoneId || zone.parentId === parentId) return zone;
      const from = zoneOrigin(zones, zone.parentId);
      const to = zoneOrigin(zones, parentId);
      const { parentId: _previous, ...rest } = zone;
      const position = { x: zone.position.x + from.x - to.x, y: zone.position.y + from.y - to.y };
      return parentId === undefined ? { ...rest, position } : { ...rest, parentId, position };
    }),
  };
}

/**
 * The end of a drag: items land at `positions`, then each joins the innermost zone under its centre
 * (a zone only one its kind may nest in; a zone with nowhere valid to go keeps its parent), and the
 * receiving zones grow to hold them. One undo step for the whole gesture.
 */
export function dropItems(design: Design, positions: Positions): Design {
  let result = moveItems(design, positions);
  const parents = new Set<string | undefined>();
  for (const id of positions.keys()) {
    const zones = zoneIndex(result);
    const component = result.components.find((candidate) => candidate.id === id);
    if (component) {
      const origin = zoneOrigin(zones, component.zoneId);
      const center = centerOf({ x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE });
      const zoneId = innermostZoneAt(result, center)?.id;
      result = reparentComponent(result, id, zoneId);
      parents.add(zoneId);
      continue;
    }
    const annotation = result.annotations.find((candidate) => candidate.id === id);
    if (annotation) {
      const origin = zoneOrigin(zones, annotation.zoneId);
      const center = centerOf({ x: origin.x + annotation.position.x, y: origin.y + annotation.position.y, ...annotation.size });
      const zoneId = innermostZoneAt(result, center)?.id;
      result = reparentAnnotation(result, id, zoneId);
      parents.add(zoneId);
      continue;
    }
    const echo = parsePlacementNodeId(id);
    if (echo) {
      // An echo card moves within the zone it stands in; that placement's zone grows to hold it.
      parents.add(echo.zoneId);
      continue;
    }
    const zone = zones.get(id);
    if (!zone) continue;
    const placement = zoneParentAt(result, zone.kind, centerOf(zoneRect(zones, zone)), zoneAndDescendants(result, id));
    const parentId = placement.allowed ? placement.parentId : zone.parentId;
    result = reparentZone(result, id, parentId);
    parents.add(parentId);
  }
  for (const parentId of parents) result = growZonesToFit(result, parentId);
  return result;
}

export function dropItemsCommand(positions: Positions): Command {
  return { label: "Move", undo: RECORD, run: (design) => ({ design: dropItems(design, positions) }) };
}

/**
 * Resizes a zone to `rect` (position relative to its parent). Children keep their place on the canvas
 * when the top or left edge moves; the zone never gets smaller than its contents, siblings it now covers
 * are pushed out of its way, and zones around it grow if it now pokes out.
 */
export function resizeZone(design: Design, zoneId: string, rect: Rect): Design {
  const zone = design.zones.find((candidate) => candidate.id === zoneId);
  if (!zone) return design;
  const dx = zone.position.x - rect.x;
  const dy = zone.position.y - rect.y;
  const resized: Design = {
    ...design,
    zones: design.zones.map((candidate) => {
      if (candidate.id === zoneId) return { ...candidate, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height } };
      if (candidate.parentId === zoneId && (dx !== 0 || dy !== 0)) return { ...candidate, position: { x: candidate.position.x + dx, y: candidate.position.y + dy } };
      return candidate;
    }),
    components:
      dx === 0 && dy === 0
        ? design.components
        : design.components.map((component) =>
            component.zoneId === zoneId ? { ...component, position: { x: component.position.x + dx, y: component.position.y + dy } } : component,
          ),
    annotations:
      dx === 0 && dy === 0
        ? design.annotations
        : design.annotations.map((annotation) =>
            annotation.zoneId === zoneId ? { ...annotation, position: { x: annotation.position.x + dx, y: annotation.position.y + dy } } : annotation,
          ),
  };
  return growZonesToFit(pushSiblings(resized, zoneId), zoneId);
}

export function resizeZoneCommand(zoneId: string, rect: Rect): Command {
  return { label: "Resize zone", undo: RECORD, run: (design) => ({ design: resizeZone(design, zoneId, rect) }) };
}
