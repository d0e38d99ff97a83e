import { describe, expect, it } from "vitest";
import { component, designOf, layeredDesign, zone } from "@/tests/helpers/canvas-designs";
import { COMPONENT_SIZE, innermostZoneAt, type Rect } from "./geometry";
import { CARD_GAP, cardRects, clearShift, freeCardSpot } from "./placement";

const apart = (a: Rect, b: Rect) => a.x + a.width + CARD_GAP <= b.x || b.x + b.width + CARD_GAP <= a.x || a.y + a.height + CARD_GAP <= b.y || b.y + b.height + CARD_GAP <= a.y;

describe("freeCardSpot", () => {
  it("keeps the requested centre when nothing is there", () => {
    const spot = freeCardSpot(layeredDesign(), { x: -106, y: 500 });
    expect(spot).toEqual({ topLeft: { x: -106 - COMPONENT_SIZE.width / 2, y: 500 - COMPONENT_SIZE.height / 2 }, zoneId: undefined });
  });

  it("moves off a card to the nearest spot that touches no card, in the zone under the point", () => {
    const design = layeredDesign();
    // the service card "api" spans canvas x 540..728, y 200..256 in the private subnet (500..960, 140..440)
    const spot = freeCardSpot(design, { x: 634, y: 228 });
    expect(spot.zoneId).toBe("private");
    const rect = { ...spot.topLeft, ...COMPONENT_SIZE };
    for (const card of cardRects(design)) expect(apart(rect, card)).toBe(true);
    expect(innermostZoneAt(design, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })?.id).toBe("private");
    expect(rect.x).toBeGreaterThanOrEqual(500 + 20);
    expect(rect.y).toBeGreaterThanOrEqual(140 + 40);
  });

  it("does not place a top-level card over a zone it is not in", () => {
    const design = designOf({ zones: [zone("vpc", "vpc", 0, 0, 600, 400)], components: [component("a", "client", -250, 100)] });
    const spot = freeCardSpot(design, { x: -156, y: 128 }, undefined);
    const rect = { ...spot.topLeft, ...COMPONENT_SIZE };
    expect(apart(rect, cardRects(design)[0])).toBe(true);
    expect(rect.x + rect.width <= 0 || rect.y + rect.height <= 0 || rect.y >= 400).toBe(true);
  });
});

describe("clearShift", () => {
  it("is no shift when the cards already sit clear", () => {
    expect(clearShift(layeredDesign(), [{ rect: { x: -400, y: 600, ...COMPONENT_SIZE }, zoneId: undefined }])).toEqual({ x: 0, y: 0 });
  });

  it("still finds a clear spot when the zone is full, for the zone to grow around", () => {
    const design = designOf({
      zones: [zone("subnet", "private-subnet", 0, 0, 228, 116)],
      components: [component("a", "service", 20, 40, "subnet")],
    });
    const by = clearShift(design, [{ rect: { x: 20, y: 40, ...COMPONENT_SIZE }, zoneId: "subnet" }]);
    expect(apart({ x: 20 + by.x, y: 40 + by.y, ...COMPONENT_SIZE }, cardRects(design)[0])).toBe(true);
  });
});
