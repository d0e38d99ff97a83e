import { describe, expect, it } from "vitest";
import { DesignSchema } from "@/lib/model";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { selectionOf } from "../selection";
import { deleteItems, deleteSelectionCommand } from "./delete";

describe("deleteItems", () => {
  it("removes a component and every connection touching it", () => {
    const result = deleteItems(layeredDesign(), selectionOf({ componentIds: ["api"] }));
    expect(result.components.map((component) => component.id)).toEqual(["client", "lb", "db"]);
    expect(result.connections.map((connection) => [connection.source, connection.target])).toEqual([["client", "lb"]]);
    expect(DesignSchema.safeParse(result).success).toBe(true);
  });

  it("removes only the selected connection", () => {
    const design = layeredDesign();
    const target = design.connections[1].id;
    const result = deleteItems(design, selectionOf({ connectionIds: [target] }));
    expect(result.connections.map((connection) => connection.id)).not.toContain(target);
    expect(result.components).toHaveLength(4);
  });

  it("a deleted zone releases its contents to the zone around it at the same canvas position", () => {
    const result = deleteItems(layeredDesign(), selectionOf({ zoneIds: ["private"] }));
    const api = result.components.find((component) => component.id === "api");
    // private subnet was at (400, 40) in the vpc; the service sat at (40, 60) in it
    expect(api).toMatchObject({ zoneId: "vpc", position: { x: 440, y: 100 } });
    expect(DesignSchema.safeParse(result).success).toBe(true);
  });

  it("subnets of a deleted VPC go to the top level when nothing around may hold them", () => {
    const result = deleteItems(layeredDesign(), selectionOf({ zoneIds: ["vpc"] }));
    expect(result.zones.find((zone) => zone.id === "public")).toMatchObject({ position: { x: 120, y: 140 } });
    expect(result.zones.find((zone) => zone.id === "public")?.parentId).toBeUndefined();
    expect(DesignSchema.safeParse(result).success).toBe(true);
  });

  it("drops acknowledgements of deleted items and keeps the others", () => {
    const design = {
      ...layeredDesign(),
      acknowledgements: [
        { ruleId: "a", targetId: "db", reason: "ok" },
        { ruleId: "b", targetId: "lb", reason: "ok" },
      ],
    };
    expect(deleteItems(design, selectionOf({ componentIds: ["db"] })).acknowledgements.map((item) => item.targetId)).toEqual(["lb"]);
  });

  it("the command clears the selection", () => {
    expect(deleteSelectionCommand(selectionOf({ componentIds: ["db"] })).run(layeredDesign()).selection).toEqual(selectionOf({}));
  });
});
