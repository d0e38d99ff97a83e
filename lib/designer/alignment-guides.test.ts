import { describe, expect, it } from "vitest";
import { boundsOf, indexAlignment, snapToGuides } from "./alignment-guides";

const card = (x: number, y: number) => ({ x, y, width: 100, height: 40 });

describe("snapToGuides", () => {
  it("snaps a left edge within the threshold onto another item's left edge and draws the guide across both", () => {
    const index = indexAlignment([card(200, 0)]);
    const snap = snapToGuides(index, card(204, 300), 6);
    expect(snap.dx).toBe(-4);
    expect(snap.guides).toContainEqual({ axis: "x", at: 200, from: 0, to: 340 });
  });

  it("lines up centres and right edges too, taking the nearest line", () => {
    const index = indexAlignment([card(0, 0)]);
    // centre 50 vs moving centre 53 (shift -3); right 100 vs moving right 103 (also -3): both lines meet
    const snap = snapToGuides(index, card(3, 200), 6);
    expect(snap.dx).toBe(-3);
    expect(snap.guides.map((guide) => guide.at)).toEqual([0, 50, 100]);
    // a card half as wide: its centre (x + 25) meets the wide card's centre 50 when x = 25
    const narrow = snapToGuides(index, { x: 27, y: 200, width: 50, height: 40 }, 6);
    expect(narrow.dx).toBe(-2);
    expect(narrow.guides).toEqual([{ axis: "x", at: 50, from: 0, to: 240 }]);
  });

  it("snaps each axis independently: tops on one item, lefts on another", () => {
    const index = indexAlignment([card(0, 0), card(400, 400)]);
    const snap = snapToGuides(index, card(397, 5), 6);
    expect(snap).toMatchObject({ dx: 3, dy: -5 });
    expect(snap.guides.filter((guide) => guide.axis === "y").map((guide) => guide.at)).toContain(0);
    expect(snap.guides.filter((guide) => guide.axis === "x").map((guide) => guide.at)).toContain(400);
  });

  it("leaves a rectangle alone beyond the threshold and draws no guide", () => {
    const index = indexAlignment([card(0, 0)]);
    expect(snapToGuides(index, card(120, 120), 6)).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it("finds the nearest lines among thousands of items", () => {
    const rects = Array.from({ length: 5000 }, (_, index) => card(index * 1000, index * 1000));
    const snap = snapToGuides(indexAlignment(rects), card(2_500_003, 4), 6);
    expect(snap).toMatchObject({ dx: -3, dy: -4 });
  });
});

describe("boundsOf", () => {
  it("is the box around all rectangles", () => {
    expect(boundsOf([card(0, 0), card(300, 100)])).toEqual({ x: 0, y: 0, width: 400, height: 140 });
    expect(boundsOf([])).toBeUndefined();
  });
});
