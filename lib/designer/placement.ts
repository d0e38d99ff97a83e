import type { Design, Zone } from "@/lib/model";
import { COMPONENT_SIZE, innermostZoneAt, ZONE_PADDING, zoneIndex, zoneOrigin, zoneRect, centerOf, rectsOverlap, type Point, type Rect } from "./geometry";

/** A card about to be placed: its rectangle in canvas coordinates and the zone it should end up in. */
export interface CardToPlace {
  rect: Rect;
  zoneId: string | undefined;
}

/** Space kept between a placed card and its neighbours, so cards never touch. */
export const CARD_GAP = 16;

const STEP = { x: Math.round((COMPONENT_SIZE.width + CARD_GAP) / 4), y: Math.round((COMPONENT_SIZE.height + CARD_GAP) / 2) };
const REACH = 24;

/** Candidate shifts on a grid of quarter-card steps, nearest first; ties go right, then down (the way a diagram reads). */
const SHIFTS: readonly Point[] = (() => {
  const shifts: Point[] = [];
  for (let row = -REACH; row <= REACH; row += 1) {
    for (let column = -REACH; column <= REACH; column += 1) shifts.push({ x: column * STEP.x, y: row * STEP.y });
  }
  return shifts.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || b.x - a.x || b.y - a.y);
})();

function shifted(rect: Rect, by: Point): Rect {
  return { ...rect, x: rect.x + by.x, y: rect.y + by.y };
}

/** Canvas rectangles of the cards already on the canvas, leaving out `ignore`. */
export function cardRects(design: Design, ignore: ReadonlySet<string> = new Set()): Rect[] {
  const zones = zoneIndex(design);
  return design.components
    .filter((component) => !ignore.has(component.id))
    .map((component) => {
      const origin = zoneOrigin(zones, component.zoneId);
      return { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE };
    });
}

/** Ids of a zone and the zones around it: the only zones a card in it may overlap. */
function zoneChainIds(zones: ReadonlyMap<string, Zone>, zoneId: string | undefined): Set<string> {
  const chain = new Set<string>();
  let current = zoneId === undefined ? undefined : zones.get(zoneId);
  while (current && !chain.has(current.id)) {
    chain.add(current.id);
    current = current.parentId === undefined ? undefined : zones.get(current.parentId);
  }
  return chain;
}

/** Inside its zone's padded interior (clear of the header), inside no other zone, and the zone under its centre. */
function sitsInItsZone(design: Design, zones: ReadonlyMap<string, Zone>, card: CardToPlace): boolean {
  if (innermostZoneAt(design, centerOf(card.rect))?.id !== card.zoneId) return false;
  const chain = zoneChainIds(zones, card.zoneId);
  for (const zone of design.zones) {
    if (!chain.has(zone.id) && rectsOverlap(card.rect, zoneRect(zones, zone), 0)) return false;
  }
  const home = card.zoneId === undefined ? undefined : zones.get(card.zoneId);
  if (!home) return true;
  const inside = zoneRect(zones, home);
  return (
    card.rect.x >= inside.x + ZONE_PADDING.side &&
    card.rect.y >= inside.y + ZONE_PADDING.top &&
    card.rect.x + card.rect.width <= inside.x + inside.width - ZONE_PADDING.side &&
    card.rect.y + card.rect.height <= inside.y + inside.height - ZONE_PADDING.bottom
  );
}

/**
 * The smallest shift that puts every card of `cards` (moved together, so a pasted group keeps its shape)
 * clear of the cards already on the canvas, each inside its zone without the zone having to grow. When no
 * shift within reach keeps them in their zones, the nearest shift that only avoids overlap (the zone then
 * grows to hold them); no shift at all when nothing is free within reach.
 */
export function clearShift(design: Design, cards: readonly CardToPlace[], ignore: ReadonlySet<string> = new Set()): Point {
  const existing = cardRects(design, ignore);
  const zones = zoneIndex(design);
  const clear = (by: Point) => cards.every((card) => existing.every((other) => !rectsOverlap(shifted(card.rect, by), other, CARD_GAP)));
  const inZones = (by: Point) => cards.every((card) => sitsInItsZone(design, zones, { ...card, rect: shifted(card.rect, by) }));
  const fitting = SHIFTS.find((by) => clear(by) && inZones(by));
  if (fitting) return fitting;
  return SHIFTS.find(clear) ?? { x: 0, y: 0 };
}

/** Where a new card centred on `center` goes: the nearest free spot in the zone under `center`. */
export function freeCardSpot(design: Design, center: Point, zoneId: string | undefined = innermostZoneAt(design, center)?.id): { topLeft: Point; zoneId: string | undefined } {
  const rect = { x: center.x - COMPONENT_SIZE.width / 2, y: center.y - COMPONENT_SIZE.height / 2, ...COMPONENT_SIZE };
  const by = clearShift(design, [{ rect, zoneId }]);
  return { topLeft: { x: Math.round(rect.x + by.x), y: Math.round(rect.y + by.y) }, zoneId };
}
