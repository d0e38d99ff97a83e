import { describe, expect, it } from "vitest";
import { createEmptyDesign, DesignSchema } from "@/lib/model";
import { COMPONENT_SIZE } from "../geometry";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { addComponentCommand, addZoneCommand, ZONE_GRIP } from "./add";

describe("addComponentCommand", () => {
  it("centres the card on the point at the top level and selects it", () => {
    const result = addComponentCommand("load-balancer", { x: 500, y: 300 }).run(createEmptyDesign("Empty"));
    const [added] = result.design.components;
    expect(added).toMatchObject({ kind: "load-balancer", name: "Load balancer", position: { x: 500 - COMPONENT_SIZE.width / 2, y: 300 - COMPONENT_SIZE.height / 2 } });
    expect(added.zoneId).toBeUndefined();
    expect(result.selection?.componentIds).toEqual([added.id]);
    expect(DesignSchema.safeParse(result.design).success).toBe(true);
  });

  it("drops into the innermost zone under the point, with a position relative to it", () => {
    // private subnet spans canvas x 500..960, y 140..440 (vpc at 100,100 + subnet at 400,40)
    const result = addComponentCommand("cache", { x: 700, y: 400 }).run(layeredDesign());
    const added = result.design.components.at(-1);
    expect(added?.zoneId).toBe("private");
    expect(added?.position).toEqual({ x: 700 - 500 - COMPONENT_SIZE.width / 2, y: 400 - 140 - COMPONENT_SIZE.height / 2 });
  });

  it("grows the zone when the new card pokes out of it", () => {
    const result = addComponentCommand("cache", { x: 950, y: 430 }).run(layeredDesign());
    const privateSubnet = result.design.zones.find((zone) => zone.id === "private");
    const added = result.design.components.at(-1);
    expect(privateSubnet && added && privateSubnet.size.width >= added.position.x + COMPONENT_SIZE.width).toBe(true);
    expect(privateSubnet && added && privateSubnet.size.height >= added.position.y + COMPONENT_SIZE.height).toBe(true);
    expect(DesignSchema.safeParse(result.design).success).toBe(true);
  });

  it("gives each new component a unique name", () => {
    const once = addComponentCommand("service", { x: 0, y: 0 }).run(createEmptyDesign("Empty")).design;
    const twice = addComponentCommand("service", { x: 0, y: 0 }).run(once).design;
    expect(twice.components.map((component) => component.name)).toEqual(["Service", "Service 2"]);
  });
});

describe("addZoneCommand", () => {
  it("nests a subnet in the VPC under the point", () => {
    const result = addZoneCommand("public-subnet", { x: 400, y: 500 }).run(layeredDesign());
    const added = result.design.zones.at(-1);
    expect(added).toMatchObject({ kind: "public-subnet", parentId: "vpc", cidr: "10.0.1.0/24" });
    expect(DesignSchema.safeParse(result.design).success).toBe(true);
  });

  it("puts the zone's header under the pointer, its body to the right and below", () => {
    const result = addZoneCommand("vpc", { x: 300, y: 200 }).run(createEmptyDesign("Empty"));
    expect(result.design.zones[0].position).toEqual({ x: 300 - ZONE_GRIP.x, y: 200 - ZONE_GRIP.y });
  });

  it("refuses a subnet outside any VPC or availability zone and says where it belongs", () => {
    const design = createEmptyDesign("Empty");
    const result = addZoneCommand("private-subnet", { x: 0, y: 0 }).run(design);
    expect(result.design).toBe(design);
    expect(result.refused).toBe("A Private subnet must be placed inside a VPC or Availability zone: drop it onto one.");
  });

  it("puts a VPC at the top level when no region is under it, with the seed's CIDR", () => {
    const result = addZoneCommand("vpc", { x: 0, y: 0 }).run(createEmptyDesign("Empty"));
    expect(result.design.zones[0]).toMatchObject({ kind: "vpc", cidr: "10.0.0.0/16" });
    expect(result.design.zones[0].parentId).toBeUndefined();
  });

  it("names availability zones after the design's region, one letter each", () => {
    let design = createEmptyDesign("Empty");
    design = addZoneCommand("availability-zone", { x: 0, y: 0 }).run(design).design;
    design = addZoneCommand("availability-zone", { x: 2000, y: 0 }).run(design).design;
    expect(design.zones.map((zone) => zone.code)).toEqual(["us-east-1a", "us-east-1b"]);
  });
});
