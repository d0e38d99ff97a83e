import { describe, expect, it } from "vitest";
import type { Design } from "@/lib/model";
import { component, designOf, zone } from "@/tests/helpers/canvas-designs";
import { COMPONENT_SIZE, zoneIndex, zoneRect, type Rect } from "./geometry";
import { PUSH_GAP, pushSiblings } from "./push-siblings";

const overlapping = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Canvas rectangles of every zone and card with the given parent. */
function childrenOf(design: Design, parentId: string | undefined): Rect[] {
  const zones = zoneIndex(design);
  return [
    ...design.zones.filter((item) => item.parentId === parentId).map((item) => zoneRect(zones, item)),
    ...design.components.filter((item) => item.zoneId === parentId).map((item) => ({ ...item.position, ...COMPONENT_SIZE })),
  ];
}

function expectNoOverlap(rects: Rect[]) {
  for (const [index, rect] of rects.entries()) for (const other of rects.slice(index + 1)) expect(overlapping(rect, other)).toBe(false);
}

const position = (design: Design, id: string) => [...design.zones, ...design.components].find((item) => item.id === id)?.position;

describe("pushSiblings", () => {
  it("pushes a zone it grew into to the right, just clear of it", () => {
    // a grew from 300 to 500 wide and now covers b (at x 400)
    const design = designOf({ zones: [zone("a", "vpc", 0, 0, 500, 300), zone("b", "vpc", 400, 0, 300, 300)] });
    const pushed = pushSiblings(design, "a");
    expect(position(pushed, "b")).toEqual({ x: 500 + PUSH_GAP, y: 0 });
    expectNoOverlap(childrenOf(pushed, undefined));
  });

  it("pushes down when that is the shorter move, and leaves items it does not cover in place", () => {
    const design = designOf({
      zones: [zone("a", "vpc", 0, 0, 600, 320), zone("below", "vpc", 0, 300, 600, 200), zone("aside", "vpc", 800, 0, 300, 300)],
      components: [component("far", "service", 2000, 2000)],
    });
    const pushed = pushSiblings(design, "a");
    expect(position(pushed, "below")).toEqual({ x: 0, y: 320 + PUSH_GAP });
    expect(pushed.zones.find((item) => item.id === "aside")).toBe(design.zones.find((item) => item.id === "aside"));
    expect(position(pushed, "far")).toEqual({ x: 2000, y: 2000 });
  });

  it("passes the push along a chain of siblings, each moving as little as it must", () => {
    const design = designOf({
      zones: [zone("a", "vpc", 0, 0, 450, 200), zone("b", "vpc", 400, 0, 200, 200), zone("c", "vpc", 620, 0, 200, 200), zone("d", "vpc", 1500, 0, 200, 200)],
    });
    const pushed = pushSiblings(design, "a");
    expect(position(pushed, "b")).toEqual({ x: 470, y: 0 });
    expect(position(pushed, "c")).toEqual({ x: 690, y: 0 });
    expect(position(pushed, "d")).toEqual({ x: 1500, y: 0 });
    expectNoOverlap(childrenOf(pushed, undefined));
  });

  it("moves cards in the same parent zone too, and a pushed zone carries its contents", () => {
    const design = designOf({
      zones: [zone("vpc", "vpc", 0, 0, 1400, 600), zone("public", "public-subnet", 20, 40, 500, 200, "vpc"), zone("private", "private-subnet", 480, 40, 400, 200, "vpc")],
      components: [component("api", "service", 40, 60, "private"), component("lb", "load-balancer", 40, 220, "vpc")],
    });
    const pushed = pushSiblings(design, "public");
    const privateAt = position(pushed, "private");
    expect(privateAt?.x).toBeGreaterThanOrEqual(520 + PUSH_GAP);
    // the card inside the pushed subnet keeps its place in it
    expect(position(pushed, "api")).toEqual({ x: 40, y: 60 });
    expectNoOverlap(childrenOf(pushed, "vpc"));
  });

  it("ends and leaves no overlap when a crowd of siblings is covered at once", () => {
    const crowd = Array.from({ length: 40 }, (_, index) => component(`c${index}`, "service", (index % 8) * 200, Math.floor(index / 8) * 70));
    const design = designOf({ zones: [zone("a", "vpc", 0, 0, 900, 250)], components: crowd });
    const pushed = pushSiblings(design, "a");
    expectNoOverlap(childrenOf(pushed, undefined));
  });

  it("pushes a sibling on the far side of a zone that grew left away to the left", () => {
    // a's left edge was dragged from 400 to 250 and now covers b at x 200..400
    const design = designOf({ zones: [zone("a", "vpc", 250, 0, 400, 300), zone("b", "vpc", 0, 0, 300, 300)] });
    expect(position(pushSiblings(design, "a"), "b")).toEqual({ x: 250 - PUSH_GAP - 300, y: 0 });
  });

  it("returns the same design when the zone covers nothing", () => {
    const design = designOf({ zones: [zone("a", "vpc", 0, 0, 300, 300), zone("b", "vpc", 400, 0, 300, 300)] });
    expect(pushSiblings(design, "a")).toBe(design);
  });
});
