import type { Component, Design } from "@/lib/model";
import { growZonesToFit } from "./commands/fit-zones";
import { centerOf, COMPONENT_SIZE, zoneIndex, zoneOrigin, zoneRect, type Rect } from "./geometry";
import { clearShift } from "./placement";

function containsPoint(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
}

/**
 * The zone a component added by a fix belongs in: the one it was put in, else the innermost zone around a
 * card it is connected to that also holds the spot the fix chose (a WAF put beside a load balancer in a VPC
 * goes into that VPC, not into an unrelated subnet that happens to be there); the top level otherwise.
 */
function homeZone(design: Design, added: Component, rect: Rect): string | undefined {
  if (added.zoneId !== undefined) return added.zoneId;
  const zones = zoneIndex(design);
  const centre = centerOf(rect);
  const neighbourIds = design.connections.flatMap((connection) =>
    connection.source === added.id ? [connection.target] : connection.target === added.id ? [connection.source] : [],
  );
  for (const neighbourId of neighbourIds) {
    let zone = zones.get(design.components.find((component) => component.id === neighbourId)?.zoneId ?? "");
    const seen = new Set<string>();
    while (zone && !seen.has(zone.id)) {
      seen.add(zone.id);
      if (containsPoint(zoneRect(zones, zone), centre.x, centre.y)) return zone.id;
      zone = zone.parentId === undefined ? undefined : zones.get(zone.parentId);
    }
  }
  return undefined;
}

/**
 * Components that `after` has and `before` had not (added by a rule's fix) moved to the nearest spot where
 * they touch no other card, inside the zone they belong in; that zone grows if it must. Rules place new
 * components by a fixed offset from a neighbour, which is often on top of another card.
 */
export function settleAddedComponents(before: Design, after: Design): Design {
  const existing = new Set(before.components.map((component) => component.id));
  let result = after;
  for (const added of after.components.filter((component) => !existing.has(component.id))) {
    const zones = zoneIndex(result);
    const current = result.components.find((component) => component.id === added.id) ?? added;
    const origin = zoneOrigin(zones, current.zoneId);
    const rect = { x: origin.x + current.position.x, y: origin.y + current.position.y, ...COMPONENT_SIZE };
    const zoneId = homeZone(result, current, rect);
    const by = clearShift(result, [{ rect, zoneId }], new Set([added.id]));
    const home = zoneOrigin(zones, zoneId);
    const position = { x: Math.round(rect.x + by.x - home.x), y: Math.round(rect.y + by.y - home.y) };
    const { zoneId: _previous, ...rest } = current;
    const placed = (zoneId === undefined ? { ...rest, position } : { ...rest, zoneId, position }) as Component;
    result = growZonesToFit({ ...result, components: result.components.map((component) => (component.id === added.id ? placed : component)) }, zoneId);
  }
  return result;
}
