import type { Design, Zone } from "@/lib/model";
import { COMPONENT_SIZE, ZONE_PADDING } from "../geometry";
import { pushSiblings } from "../push-siblings";

function childRects(design: Design, zoneId: string) {
  return [
    ...design.components.filter((component) => component.zoneId === zoneId).map((component) => ({ ...component.position, ...COMPONENT_SIZE })),
    ...design.components.flatMap((component) => (component.alsoIn ?? []).filter((placement) => placement.zoneId === zoneId).map((placement) => ({ ...placement.position, ...COMPONENT_SIZE }))),
    ...design.zones.filter((zone) => zone.parentId === zoneId).map((zone) => ({ ...zone.position, ...zone.size })),
    ...design.annotations.filter((annotation) => annotation.zoneId === zoneId).map((annotation) => ({ ...annotation.position, ...annotation.size })),
  ];
}

function shiftChildren(design: Design, zoneId: string, dx: number, dy: number): Design {
  if (dx === 0 && dy === 0) return design;
  return {
    ...design,
    components: design.components.map((component) => {
      const shifted = component.zoneId === zoneId ? { ...component, position: { x: component.position.x + dx, y: component.position.y + dy } } : component;
      if (!component.alsoIn?.some((placement) => placement.zoneId === zoneId)) return shifted;
      const alsoIn = component.alsoIn.map((placement) =>
        placement.zoneId === zoneId ? { ...placement, position: { x: placement.position.x + dx, y: placement.position.y + dy } } : placement,
      );
      return { ...shifted, alsoIn };
    }),
    zones: design.zones.map((zone) => (zone.parentId === zoneId ? { ...zone, position: { x: zone.position.x + dx, y: zone.position.y + dy } } : zone)),
    annotations: design.annotations.map((annotation) =>
      annotation.zoneId === zoneId ? { ...annotation, position: { x: annotation.position.x + dx, y: annotation.position.y + dy } } : annotation,
    ),
  };
}

/**
 * Grows a zone (never shrinks it) until its children fit inside with padding, then does the same for
 * every zone around it. Growing to the left or top moves the zone and shifts its children back, so
 * nothing moves on screen except the zone's border. A zone that grew pushes the siblings it now covers out
 * of its way (see pushSiblings), and its parent then grows to hold them.
 */
export function growZonesToFit(design: Design, zoneId: string | undefined): Design {
  let result = design;
  const seen = new Set<string>();
  let currentId = zoneId;
  while (currentId !== undefined && !seen.has(currentId)) {
    seen.add(currentId);
    const id: string = currentId;
    const zone = result.zones.find((candidate) => candidate.id === id);
    if (!zone) break;
    const rects = childRects(result, id);
    if (rects.length > 0) {
      const dx = Math.max(0, ZONE_PADDING.side - Math.min(...rects.map((rect) => rect.x)));
      const dy = Math.max(0, ZONE_PADDING.top - Math.min(...rects.map((rect) => rect.y)));
      result = shiftChildren(result, id, dx, dy);
      const right = Math.max(...rects.map((rect) => rect.x + rect.width)) + dx + ZONE_PADDING.side;
      const bottom = Math.max(...rects.map((rect) => rect.y + rect.height)) + dy + ZONE_PADDING.bottom;
      const grown: Zone = {
        ...zone,
        position: { x: zone.position.x - dx, y: zone.position.y - dy },
        size: { width: Math.max(zone.size.width + dx, right), height: Math.max(zone.size.height + dy, bottom) },
      };
      if (grown.position.x !== zone.position.x || grown.position.y !== zone.position.y || grown.size.width !== zone.size.width || grown.size.height !== zone.size.height) {
        result = pushSiblings({ ...result, zones: result.zones.map((candidate) => (candidate.id === id ? grown : candidate)) }, id);
      }
    }
    currentId = zone.parentId;
  }
  return result;
}
