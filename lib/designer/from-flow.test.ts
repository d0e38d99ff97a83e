import { describe, expect, it } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { mergePositions, paletteCommand, positionsFromChanges, selectionFromChanges } from "./from-flow";
import { EMPTY_SELECTION, selectionOf } from "./selection";

describe("from-flow", () => {
  it("turns select changes into a selection split by item type", () => {
    const design = layeredDesign();
    const selection = selectionFromChanges(
      design,
      EMPTY_SELECTION,
      [
        { type: "select", id: "api", selected: true },
        { type: "select", id: "vpc", selected: true },
      ],
      [{ type: "select", id: design.connections[0].id, selected: true }],
    );
    expect(selection).toEqual(selectionOf({ componentIds: ["api"], zoneIds: ["vpc"], connectionIds: [design.connections[0].id] }));
    const cleared = selectionFromChanges(design, selection, [{ type: "select", id: "api", selected: false }], []);
    expect(cleared.componentIds).toEqual([]);
  });

  it("keeps the same selection object when nothing changes", () => {
    const selection = selectionOf({ componentIds: ["api"] });
    expect(selectionFromChanges(layeredDesign(), selection, [{ type: "select", id: "api", selected: true }], [])).toBe(selection);
  });

  it("reads rounded positions from position changes and whether a drag is under way", () => {
    const { positions, dragging } = positionsFromChanges([
      { type: "position", id: "api", position: { x: 10.4, y: 20.6 }, dragging: true },
      { type: "dimensions", id: "vpc" },
    ]);
    expect([...positions]).toEqual([["api", { x: 10, y: 21 }]]);
    expect(dragging).toBe(true);
  });

  it("merges drag ticks per node", () => {
    const merged = mergePositions(new Map([["a", { x: 1, y: 1 }]]), new Map([["b", { x: 2, y: 2 }]]));
    expect([...mergePositions(merged, new Map([["a", { x: 3, y: 3 }]]))]).toEqual([
      ["a", { x: 3, y: 3 }],
      ["b", { x: 2, y: 2 }],
    ]);
  });

  it("maps a palette kind to the matching add command", () => {
    const design = createEmptyDesign("Empty");
    expect(paletteCommand("cdn", { x: 0, y: 0 })?.run(design).design.components[0].kind).toBe("cdn");
    expect(paletteCommand("region", { x: 0, y: 0 })?.run(design).design.zones[0].kind).toBe("region");
    expect(paletteCommand("spaceship", { x: 0, y: 0 })).toBeNull();
  });
});
