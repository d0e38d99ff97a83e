import { describe, expect, it } from "vitest";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { innermostZoneAt, zoneAndDescendants, zoneIndex, zoneOrigin, zoneParentAt } from "./geometry";

describe("geometry", () => {
  it("adds up nested zone positions", () => {
    expect(zoneOrigin(zoneIndex(layeredDesign()), "private")).toEqual({ x: 500, y: 140 });
  });

  it("finds the innermost zone under a point", () => {
    const design = layeredDesign();
    expect(innermostZoneAt(design, { x: 600, y: 200 })?.id).toBe("private");
    expect(innermostZoneAt(design, { x: 110, y: 110 })?.id).toBe("vpc");
    expect(innermostZoneAt(design, { x: 0, y: 0 })).toBeUndefined();
  });

  it("places zones only where ZONE_DEFINITIONS allows", () => {
    const design = layeredDesign();
    expect(zoneParentAt(design, "private-subnet", { x: 600, y: 200 })).toEqual({ allowed: true, parentId: "vpc" });
    expect(zoneParentAt(design, "k8s-namespace", { x: 600, y: 200 })).toEqual({ allowed: true, parentId: "private" });
    expect(zoneParentAt(design, "region", { x: 600, y: 200 })).toEqual({ allowed: true, parentId: undefined });
    expect(zoneParentAt(design, "public-subnet", { x: -500, y: -500 }).allowed).toBe(false);
  });

  it("lists a zone and its descendants", () => {
    expect([...zoneAndDescendants(layeredDesign(), "vpc")].sort()).toEqual(["private", "public", "vpc"]);
  });
});
