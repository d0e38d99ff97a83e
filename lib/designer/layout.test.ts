import { describe, expect, it } from "vitest";
import { generateDesignDocument } from "@/bench/shared/generate-design";
import { DesignSchema, parseDesign, type Design } from "@/lib/model";
import { TEMPLATES } from "@/lib/templates";
import { applyLayout } from "./commands/apply-layout";
import { COMPONENT_SIZE, zoneIndex, zoneOrigin, zoneRect, type Rect } from "./geometry";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { layoutDesign } from "./layout";
import { designBounds } from "./viewport";

/** The editor's canvas in a 1440×900 window: the header, the palette and the side panels take the rest. */
const CANVAS_AT_1440_BY_900 = { width: 876, height: 848 };
/** React Flow's fit view leaves this share of the design's size as margin. */
const FIT_PADDING = 0.1;

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Rect, inner: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

function cardRects(design: Design): Map<string, Rect> {
  const zones = zoneIndex(design);
  return new Map(
    design.components.map((component) => {
      const origin = zoneOrigin(zones, component.zoneId);
      return [component.id, { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE }];
    }),
  );
}

/** Every box of one level (cards and zones with the same parent) apart from the others, and inside its zone. */
function expectTidy(design: Design) {
  const zones = zoneIndex(design);
  const cards = cardRects(design);
  const boxes = [
    ...design.components.map((component) => ({ id: component.id, parent: component.zoneId, rect: cards.get(component.id) as Rect })),
    ...design.zones.map((zone) => ({ id: zone.id, parent: zone.parentId, rect: zoneRect(zones, zone) })),
  ];
  for (const box of boxes) {
    if (box.parent !== undefined) expect(contains(zoneRect(zones, zones.get(box.parent) as never), box.rect), `${box.id} inside ${box.parent}`).toBe(true);
    for (const other of boxes) {
      if (other === box || other.parent !== box.parent) continue;
      expect(overlap(box.rect, other.rect), `${box.id} clear of ${other.id}`).toBe(false);
    }
  }
  for (const [id, card] of cards) for (const [otherId, other] of cards) if (id < otherId) expect(overlap(card, other), `${id} clear of ${otherId}`).toBe(false);
}

function fittedZoom(design: Design): number {
  const bounds = designBounds(design) as Rect;
  return Math.min(CANVAS_AT_1440_BY_900.width / (bounds.width * (1 + FIT_PADDING)), CANVAS_AT_1440_BY_900.height / (bounds.height * (1 + FIT_PADDING)));
}

function generated(count: number): Design {
  const parsed = parseDesign(generateDesignDocument(count));
  if (!parsed.success) throw new Error("generated design does not parse");
  return parsed.design;
}

describe("layoutDesign", () => {
  it("keeps zone membership, fits children inside their zones and flows left to right", () => {
    const design = layeredDesign();
    const laidOut = applyLayout(design, layoutDesign(design));
    expect(DesignSchema.safeParse(laidOut).success).toBe(true);
    expect(laidOut.components.map((component) => component.zoneId)).toEqual(design.components.map((component) => component.zoneId));
    expect(laidOut.zones.map((zone) => zone.parentId)).toEqual(design.zones.map((zone) => zone.parentId));
    expectTidy(laidOut);
    const cards = cardRects(laidOut);
    const x = (id: string) => (cards.get(id) as Rect).x;
    expect(x("client")).toBeLessThan(x("lb"));
    expect(x("lb")).toBeLessThan(x("api"));
    expect(x("api")).toBeLessThan(x("db"));
  });

  it.each(TEMPLATES.map((template) => [template.id, template.design] as const))("lays %s out tidily and compactly enough to read when fitted", (_id, design) => {
    const laidOut = applyLayout(design, layoutDesign(design));
    expect(DesignSchema.safeParse(laidOut).success).toBe(true);
    expectTidy(laidOut);
    expect(fittedZoom(laidOut)).toBeGreaterThanOrEqual(0.6);
  });

  it("folds a long chain into rows instead of one wide strip", () => {
    const design = generated(42);
    const laidOut = applyLayout(design, layoutDesign(design));
    expectTidy(laidOut);
    const bounds = designBounds(laidOut) as Rect;
    expect(bounds.width / bounds.height).toBeLessThan(3);
  });

  it("gives the same layout every time", () => {
    const design = TEMPLATES.reduce((largest, template) => (template.design.components.length > largest.components.length ? template.design : largest), TEMPLATES[0].design);
    expect(layoutDesign(design)).toEqual(layoutDesign(design));
  });

  it("lays out a thousand components without putting one card on another", () => {
    const design = generated(1_000);
    const layout = layoutDesign(design);
    expect(Object.keys(layout.positions)).toHaveLength(design.components.length);
    const cards = [...cardRects(applyLayout(design, layout)).values()].sort((a, b) => a.x - b.x || a.y - b.y);
    // Sorted by x, only cards that start before this one ends can overlap it.
    for (let index = 0; index < cards.length; index += 1) {
      for (let other = index + 1; other < cards.length && cards[other].x < cards[index].x + cards[index].width; other += 1) {
        expect(overlap(cards[index], cards[other])).toBe(false);
      }
    }
  });
});
