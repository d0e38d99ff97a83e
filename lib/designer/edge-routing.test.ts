import { describe, expect, it } from "vitest";
import type { Design } from "@/lib/model";
import { TEMPLATES } from "@/lib/templates";
import { applyLayout } from "./commands/apply-layout";
import { labelPillSize, routeDesign } from "./design-routes";
import { handlePoint, routeEdges, routePath, type EdgeRoute, type RoutingCard } from "./edge-routing";
import { COMPONENT_SIZE, ZONE_PADDING, zoneIndex, zoneOrigin, zoneRect, type Point, type Rect } from "./geometry";
import { layoutDesign } from "./layout";

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether an axis-parallel segment runs through the inside of a rectangle (touching its border is allowed). */
function segmentEnters(a: Point, b: Point, rect: Rect): boolean {
  const left = Math.min(a.x, b.x);
  const right = Math.max(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  return left < rect.x + rect.width && right > rect.x && top < rect.y + rect.height && bottom > rect.y;
}

function cardsOf(design: Design): Map<string, Rect> {
  const zones = zoneIndex(design);
  return new Map(
    design.components.map((component) => {
      const origin = zoneOrigin(zones, component.zoneId);
      return [component.id, { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE }];
    }),
  );
}

/** Every promise of routeDesign for one design: around every card, from handle to handle, labels clear. */
function expectClearRoutes(design: Design, routes: Map<string, EdgeRoute>) {
  const cards = cardsOf(design);
  const zones = zoneIndex(design);
  const headers = design.zones.map((zone) => ({ id: zone.id, rect: { ...zoneRect(zones, zone), height: ZONE_PADDING.top } }));
  const labels: Rect[] = [];
  for (const connection of design.connections) {
    const route = routes.get(connection.id);
    if (!route) throw new Error(`no route for ${connection.id}`);
    const { points } = route;
    expect(points[0]).toEqual(handlePoint(cards.get(connection.source) as Rect, route.sides.source));
    expect(points[points.length - 1]).toEqual(handlePoint(cards.get(connection.target) as Rect, route.sides.target));
    for (let index = 1; index < points.length; index += 1) {
      const [a, b] = [points[index - 1], points[index]];
      expect(a.x === b.x || a.y === b.y, `${connection.id} is orthogonal`).toBe(true);
      for (const [id, card] of cards) expect(segmentEnters(a, b, card), `${connection.id} segment ${index} through ${id}`).toBe(false);
    }
    const label = { ...route.label, ...labelPillSize(connection) };
    for (const [id, card] of cards) expect(overlap(label, card), `label of ${connection.id} on ${id}`).toBe(false);
    for (const header of headers) expect(overlap(label, header.rect), `label of ${connection.id} on the header of ${header.id}`).toBe(false);
    for (const other of labels) expect(overlap(label, other), `label of ${connection.id} on another label`).toBe(false);
    labels.push(label);
  }
}

/** Moves every third card by a deterministic offset wherever that spot is clear of the others, as a user drags. */
function dragSome(design: Design): Design {
  const cards = cardsOf(design);
  const taken = [...cards.values()];
  const moved = design.components.map((component, index) => {
    if (index % 3 !== 0) return component;
    const shift = { x: ((index * 37) % 90) - 45, y: ((index * 53) % 70) - 35 };
    const rect = cards.get(component.id) as Rect;
    const next = { ...rect, x: rect.x + shift.x, y: rect.y + shift.y };
    const clear = taken.every((other) => other === rect || !overlap({ x: next.x - 24, y: next.y - 24, width: next.width + 48, height: next.height + 48 }, other));
    if (!clear) return component;
    taken[taken.indexOf(rect)] = next;
    return { ...component, position: { x: component.position.x + shift.x, y: component.position.y + shift.y } };
  });
  return { ...design, components: moved };
}

describe("routeEdges", () => {
  it("goes around a card that stands between the two ends", () => {
    const cards: RoutingCard[] = [
      { id: "a", rect: { x: 0, y: 0, width: 100, height: 50 } },
      { id: "wall", rect: { x: 200, y: -40, width: 100, height: 130 } },
      { id: "b", rect: { x: 400, y: 0, width: 100, height: 50 } },
    ];
    const route = routeEdges(cards, [{ id: "e", source: "a", target: "b", label: { width: 60, height: 18 } }]).get("e") as EdgeRoute;
    expect(route.points[0]).toEqual({ x: 104, y: 25 });
    expect(route.points[route.points.length - 1]).toEqual({ x: 396, y: 25 });
    for (let index = 1; index < route.points.length; index += 1) {
      for (const card of cards) expect(segmentEnters(route.points[index - 1], route.points[index], card.rect)).toBe(false);
    }
    expect(route.points.length).toBeGreaterThan(2);
  });

  it.each(TEMPLATES.map((template) => [template.id, template.design] as const))("routes %s around every card with labels clear, as laid out and after cards are dragged", (_id, design) => {
    const laidOut = applyLayout(design, layoutDesign(design));
    expectClearRoutes(laidOut, routeDesign(laidOut));
    const dragged = dragSome(laidOut);
    expect(dragged.components).not.toEqual(laidOut.components);
    expectClearRoutes(dragged, routeDesign(dragged));
  });

  it("gives the same routes every time", () => {
    const design = applyLayout(TEMPLATES[1].design, layoutDesign(TEMPLATES[1].design));
    expect(routeDesign(design)).toEqual(routeDesign(design));
  });

  it("draws a route as one path through its points, bends rounded", () => {
    const path = routePath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 60 }]);
    expect(path).toBe("M 0 0 L 92 0 Q 100 0 100 8 L 100 60");
  });
});
