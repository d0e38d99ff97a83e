import { describe, expect, it } from "vitest";
import type { Design } from "@/lib/model";
import { component, designOf, layeredDesign, zone } from "@/tests/helpers/canvas-designs";
import { selectionOf } from "../selection";
import { createDesignerStore, designOf as presentDesign } from "../store";
import { alignCommand, alignItems, distributeItems } from "./align";

const at = (design: Design, id: string) => [...design.components, ...design.zones].find((item) => item.id === id)?.position;

/** Three top-level cards (188 × 56) at uneven places. */
const scattered = () =>
  designOf({ components: [component("a", "service", 100, 40), component("b", "service", 380, 200), component("c", "service", 900, 120)] });

describe("alignItems", () => {
  it("lines up left edges on the leftmost item, moving nothing else", () => {
    const aligned = alignItems(scattered(), selectionOf({ componentIds: ["a", "b", "c"] }), "left");
    expect([at(aligned, "a"), at(aligned, "b"), at(aligned, "c")]).toEqual([
      { x: 100, y: 40 },
      { x: 100, y: 200 },
      { x: 100, y: 120 },
    ]);
  });

  it("lines up bottoms on the lowest item and centres on the middle of the selection", () => {
    const selection = selectionOf({ componentIds: ["a", "c"] });
    expect(at(alignItems(scattered(), selection, "bottom"), "a")).toEqual({ x: 100, y: 120 });
    // bounds 100..1088: centre 594, so each card's left is 594 - 94 = 500
    const centred = alignItems(scattered(), selection, "center");
    expect([at(centred, "a")?.x, at(centred, "c")?.x]).toEqual([500, 500]);
  });

  it("aligns items in different zones on the canvas and stores positions relative to each one's zone", () => {
    // lb is at canvas y 200 (VPC 100 + subnet 40 + 60); db at canvas y 300 inside the private subnet
    const aligned = alignItems(layeredDesign(), selectionOf({ componentIds: ["lb", "db"] }), "top");
    const db = aligned.components.find((item) => item.id === "db");
    expect(db).toMatchObject({ zoneId: "private", position: { x: 240, y: 60 } });
    expect(at(aligned, "lb")).toEqual({ x: 40, y: 60 });
  });

  it("moves a selected zone with its contents and leaves its selected children to it", () => {
    const design = designOf({
      zones: [zone("z", "vpc", 300, 300, 400, 300)],
      components: [component("a", "service", 0, 0), component("in", "service", 40, 60, "z")],
    });
    const aligned = alignItems(design, selectionOf({ componentIds: ["a", "in"], zoneIds: ["z"] }), "left");
    expect(at(aligned, "z")).toEqual({ x: 0, y: 300 });
    expect(at(aligned, "in")).toEqual({ x: 40, y: 60 });
  });

  it("is one undo step", () => {
    const store = createDesignerStore(scattered());
    store.dispatch(alignCommand(selectionOf({ componentIds: ["a", "b", "c"] }), "top"));
    expect(presentDesign(store.getState()).components.map((item) => item.position.y)).toEqual([40, 40, 40]);
    store.undo();
    expect(presentDesign(store.getState())).toEqual(scattered());
  });
});

describe("distributeItems", () => {
  it("makes the gaps between neighbours equal, keeping the outermost items in place", () => {
    const distributed = distributeItems(scattered(), selectionOf({ componentIds: ["a", "b", "c"] }), "horizontal");
    // span 100..1088 holds 3 × 188: gaps of (988 - 564) / 2 = 212
    expect([at(distributed, "a"), at(distributed, "b"), at(distributed, "c")]).toEqual([
      { x: 100, y: 40 },
      { x: 500, y: 200 },
      { x: 900, y: 120 },
    ]);
    const uneven = designOf({ components: [component("a", "service", 100, 40), component("b", "service", 380, 200), component("c", "service", 900, 170)] });
    const vertical = distributeItems(uneven, selectionOf({ componentIds: ["a", "b", "c"] }), "vertical");
    // by y: a 40, c 170, b 200 → c moves to the middle: gaps of (216 - 168) / 2 = 24, so 40 + 56 + 24 = 120
    expect(vertical.components.map((item) => item.position.y)).toEqual([40, 200, 120]);
  });

  it("needs three items", () => {
    const design = scattered();
    expect(distributeItems(design, selectionOf({ componentIds: ["a", "b"] }), "horizontal")).toBe(design);
  });
});
