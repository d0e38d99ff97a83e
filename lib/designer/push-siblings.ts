import type { Design } from "@/lib/model";
import { centerOf, COMPONENT_SIZE, type Point, type Rect } from "./geometry";

/** Room left between a zone that grew and the siblings it pushed aside. */
export const PUSH_GAP = 20;

interface Sibling {
  id: string;
  rect: Rect;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Cards and zones that share the zone's parent, in the parent's coordinates. */
function siblingsOf(design: Design, parentId: string | undefined): Sibling[] {
  return [
    ...design.zones.filter((zone) => zone.parentId === parentId).map((zone) => ({ id: zone.id, rect: { ...zone.position, ...zone.size } })),
    ...design.components.filter((component) => component.zoneId === parentId).map((component) => ({ id: component.id, rect: { ...component.position, ...COMPONENT_SIZE } })),
  ];
}

/**
 * Slides `rect` from where it is in the direction `step` points until it overlaps none of `obstacles` (with
 * PUSH_GAP kept): each overlap jumps it past that obstacle, so it only ever moves one way and stops.
 */
function slideClear(rect: Rect, obstacles: readonly Rect[], step: Point): Rect {
  let current = rect;
  for (;;) {
    const blocking = obstacles.find((obstacle) => overlaps(current, grownBy(obstacle, PUSH_GAP)));
    if (!blocking) return current;
    const moved = { ...current };
    if (step.x > 0) moved.x = blocking.x + blocking.width + PUSH_GAP;
    if (step.x < 0) moved.x = blocking.x - PUSH_GAP - current.width;
    if (step.y > 0) moved.y = blocking.y + blocking.height + PUSH_GAP;
    if (step.y < 0) moved.y = blocking.y - PUSH_GAP - current.height;
    current = moved;
  }
}

function grownBy(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin + 1, y: rect.y - margin + 1, width: rect.width + 2 * margin - 2, height: rect.height + 2 * margin - 2 };
}

/**
 * After the zone `zoneId` grew, moves the siblings it now covers out of its way, and the siblings those cover
 * in turn (a reflow). Each covered sibling slides away from the item that pushes it, across or down,
 * whichever is the shorter move; siblings nothing covers stay where they are. Every sibling moves at most
 * once and only ever one way, so chains of pushes end. A pushed zone takes its contents with it (they are
 * placed relative to it). Positions stay relative to the shared parent; the caller grows the parent.
 */
export function pushSiblings(design: Design, zoneId: string): Design {
  const zone = design.zones.find((candidate) => candidate.id === zoneId);
  if (!zone) return design;
  const siblings = siblingsOf(design, zone.parentId).filter((sibling) => sibling.id !== zoneId);
  const settled: Sibling[] = [{ id: zoneId, rect: { ...zone.position, ...zone.size } }];
  const waiting = new Map(siblings.map((sibling) => [sibling.id, sibling]));
  const moves = new Map<string, Point>();

  for (;;) {
    let next: { sibling: Sibling; pusher: Rect } | undefined;
    for (const sibling of waiting.values()) {
      const pusher = settled.find((item) => overlaps(sibling.rect, item.rect));
      if (pusher) {
        next = { sibling, pusher: pusher.rect };
        break;
      }
    }
    if (!next) break;
    const { sibling, pusher } = next;
    const obstacles = settled.map((item) => item.rect);
    const away = { x: centerOf(sibling.rect).x >= centerOf(pusher).x ? 1 : -1, y: centerOf(sibling.rect).y >= centerOf(pusher).y ? 1 : -1 };
    const across = slideClear(sibling.rect, obstacles, { x: away.x, y: 0 });
    const down = slideClear(sibling.rect, obstacles, { x: 0, y: away.y });
    const rect = Math.abs(across.x - sibling.rect.x) <= Math.abs(down.y - sibling.rect.y) ? across : down;
    waiting.delete(sibling.id);
    settled.push({ id: sibling.id, rect });
    moves.set(sibling.id, { x: rect.x, y: rect.y });
  }

  if (moves.size === 0) return design;
  return {
    ...design,
    zones: design.zones.map((candidate) => {
      const position = moves.get(candidate.id);
      return position ? { ...candidate, position } : candidate;
    }),
    components: design.components.map((component) => {
      const position = moves.get(component.id);
      return position ? { ...component, position } : component;
    }),
  };
}
