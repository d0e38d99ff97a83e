import { describe, expect, it } from "vitest";
import { DesignSchema } from "@/lib/model";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { PUSH_GAP } from "../push-siblings";
import { createDesignerStore, designOf } from "../store";
import { dropItems, moveItems, resizeZone, resizeZoneCommand } from "./move";

describe("moveItems", () => {
  it("moves only the given items and keeps the identity of the rest", () => {
    const design = layeredDesign();
    const moved = moveItems(design, new Map([["api", { x: 50, y: 70 }]]));
    expect(moved.components.find((component) => component.id === "api")?.position).toEqual({ x: 50, y: 70 });
    expect(moved.components.find((component) => component.id === "db")).toBe(design.components.find((component) => component.id === "db"));
    expect(moved.zones).toBe(design.zones);
  });

  it("returns the same design when nothing moves", () => {
    const design = layeredDesign();
    expect(moveItems(design, new Map([["api", { x: 40, y: 60 }]]))).toBe(design);
  });
});

describe("dropItems", () => {
  it("re-parents a component dragged into another zone, keeping its canvas position", () => {
    // lb sits in the public subnet (canvas origin 120,140); move it to canvas (560, 200): inside the private subnet
    const result = dropItems(layeredDesign(), new Map([["lb", { x: 440, y: 60 }]]));
    const lb = result.components.find((component) => component.id === "lb");
    expect(lb).toMatchObject({ zoneId: "private", position: { x: 60, y: 60 } });
    expect(DesignSchema.safeParse(result).success).toBe(true);
  });

  it("takes a component dragged out of every zone to the top level", () => {
    const result = dropItems(layeredDesign(), new Map([["api", { x: 1000, y: 1000 }]]));
    const api = result.components.find((component) => component.id === "api");
    expect(api?.zoneId).toBeUndefined();
    expect(api?.position).toEqual({ x: 1500, y: 1140 });
  });

  it("a zone dropped where it may not nest keeps its parent", () => {
    const result = dropItems(layeredDesign(), new Map([["public", { x: 2000, y: 2000 }]]));
    expect(result.zones.find((zone) => zone.id === "public")?.parentId).toBe("vpc");
    expect(DesignSchema.safeParse(result).success).toBe(true);
  });

  it("grows the receiving zone so the dropped item fits", () => {
    const result = dropItems(layeredDesign(), new Map([["db", { x: 340, y: 260 }]]));
    const subnet = result.zones.find((zone) => zone.id === "private");
    expect(subnet?.size.width).toBeGreaterThanOrEqual(340 + 188 + 20);
    expect(subnet?.size.height).toBeGreaterThanOrEqual(260 + 56 + 20);
  });
});

describe("dropItems growing a zone into its neighbour", () => {
  it("pushes the neighbour aside instead of covering it", () => {
    // lb dropped near the public subnet's right edge: the subnet grows to 180 + 188 + 20 = 388 wide (right edge 408)
    const result = dropItems(layeredDesign(), new Map([["lb", { x: 180, y: 60 }]]));
    const zones = result.zones;
    expect(zones.find((zone) => zone.id === "public")?.size.width).toBe(388);
    expect(zones.find((zone) => zone.id === "private")?.position).toEqual({ x: 408 + PUSH_GAP, y: 40 });
  });
});

describe("resizeZone", () => {
  it("keeps children in place on the canvas when the top-left corner moves", () => {
    const result = resizeZone(layeredDesign(), "private", { x: 380, y: 20, width: 480, height: 320 });
    expect(result.components.find((component) => component.id === "api")?.position).toEqual({ x: 60, y: 80 });
  });

  it("never shrinks a zone below its contents", () => {
    const result = resizeZone(layeredDesign(), "private", { x: 400, y: 40, width: 100, height: 100 });
    const subnet = result.zones.find((zone) => zone.id === "private");
    expect(subnet?.size.width).toBe(240 + 188 + 20);
    expect(subnet?.size.height).toBe(160 + 56 + 20);
  });

  it("pushes the sibling it is resized into out of the way, and its parent grows to hold it, as one undo step", () => {
    const store = createDesignerStore(layeredDesign());
    // the public subnet (20..320 in the VPC) widened to 500 covers the private subnet at 400
    store.dispatch(resizeZoneCommand("public", { x: 20, y: 40, width: 500, height: 200 }));
    const zones = designOf(store.getState()).zones;
    const privateSubnet = zones.find((zone) => zone.id === "private");
    expect(privateSubnet?.position).toEqual({ x: 520 + PUSH_GAP, y: 40 });
    expect(zones.find((zone) => zone.id === "vpc")?.size.width).toBe(520 + PUSH_GAP + 460 + 20);
    store.undo();
    expect(designOf(store.getState())).toEqual(layeredDesign());
  });
});
