import { describe, expect, it } from "vitest";
import { DesignSchema } from "@/lib/model";
import { copySelection } from "../clipboard";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { selectionOf } from "../selection";
import { cardRects } from "../placement";
import { deleteItems } from "./delete";
import { pasteCommand, pasteItems, PASTE_OFFSET } from "./paste";

describe("paste", () => {
  it("pastes copies with new ids and names, offset, with the connections among them", () => {
    const design = layeredDesign();
    const payload = copySelection(design, selectionOf({ componentIds: ["api", "db", "client"] }));
    if (!payload) throw new Error("nothing copied");
    const result = pasteCommand(payload).run(design);
    const added = result.design.components.slice(design.components.length);
    expect(added.map((component) => component.id)).toEqual(["client-1", "service-1", "database-1"]);
    expect(added.map((component) => component.name)).toEqual(["client 2", "api 2", "db 2"]);
    expect(added[1]?.zoneId).toBe("private");
    const newConnections = result.design.connections.slice(design.connections.length);
    expect(newConnections.map((connection) => [connection.source, connection.target])).toEqual([["service-1", "database-1"]]);
    expect(result.selection).toEqual(selectionOf({ componentIds: ["client-1", "service-1", "database-1"], connectionIds: [newConnections[0].id] }));
    expect(DesignSchema.safeParse(result.design).success).toBe(true);
  });

  it("a component whose zone is gone lands at its old canvas position plus the offset when that spot is free", () => {
    const design = layeredDesign();
    const payload = copySelection(design, selectionOf({ componentIds: ["api"] }));
    if (!payload) throw new Error("nothing copied");
    const withoutZone = deleteItems(design, selectionOf({ zoneIds: ["vpc", "private", "public"], componentIds: ["api", "db", "lb"] }));
    const { design: pasted } = pasteItems(withoutZone, payload, 10);
    const copy = pasted.components.at(-1);
    expect(copy?.zoneId).toBeUndefined();
    expect(copy?.position).toEqual({ x: 500 + 40 + 10, y: 140 + 60 + 10 });
    expect(DesignSchema.safeParse(pasted).success).toBe(true);
  });

  it("moves the pasted group, keeping its shape, off the cards it would cover", () => {
    const design = layeredDesign();
    const payload = copySelection(design, selectionOf({ componentIds: ["api", "db"] }));
    if (!payload) throw new Error("nothing copied");
    const { design: pasted, componentIds } = pasteItems(design, payload, PASTE_OFFSET);
    const copies = pasted.components.filter((component) => componentIds.includes(component.id));
    expect(copies.map((component) => component.zoneId)).toEqual(["private", "private"]);
    expect(copies[1].position.x - copies[0].position.x).toBe(200);
    expect(copies[1].position.y - copies[0].position.y).toBe(100);
    const rects = cardRects(pasted);
    for (const [index, rect] of rects.entries()) {
      for (const other of rects.slice(index + 1)) {
        const apart = rect.x + rect.width <= other.x || other.x + other.width <= rect.x || rect.y + rect.height <= other.y || other.y + other.height <= rect.y;
        expect(apart).toBe(true);
      }
    }
  });
});
