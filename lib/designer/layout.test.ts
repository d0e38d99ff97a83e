import { describe, expect, it } from "vitest";
import { DesignSchema } from "@/lib/model";
import { applyLayout } from "./commands/apply-layout";
import { COMPONENT_SIZE, zoneIndex, zoneRect, zoneOrigin } from "./geometry";
import { layeredDesign } from "./fixtures";
import { layoutDesign } from "./layout";

describe("layoutDesign", () => {
  it("keeps zone membership, fits children inside their zones and flows left to right", async () => {
    const design = layeredDesign();
    const laidOut = applyLayout(design, await layoutDesign(design));
    expect(DesignSchema.safeParse(laidOut).success).toBe(true);
    expect(laidOut.components.map((component) => component.zoneId)).toEqual(design.components.map((component) => component.zoneId));
    expect(laidOut.zones.map((zone) => zone.parentId)).toEqual(design.zones.map((zone) => zone.parentId));

    const zones = zoneIndex(laidOut);
    for (const component of laidOut.components) {
      if (component.zoneId === undefined) continue;
      const zone = zones.get(component.zoneId);
      if (!zone) throw new Error("zone missing");
      expect(component.position.x).toBeGreaterThanOrEqual(0);
      expect(component.position.y).toBeGreaterThanOrEqual(0);
      expect(component.position.x + COMPONENT_SIZE.width).toBeLessThanOrEqual(zone.size.width);
      expect(component.position.y + COMPONENT_SIZE.height).toBeLessThanOrEqual(zone.size.height);
    }
    const x = (id: string) => {
      const component = laidOut.components.find((candidate) => candidate.id === id);
      if (!component) throw new Error(id);
      return zoneOrigin(zones, component.zoneId).x + component.position.x;
    };
    expect(x("client")).toBeLessThan(x("lb"));
    expect(x("lb")).toBeLessThan(x("api"));
    expect(x("api")).toBeLessThan(x("db"));
    const [publicSubnet, privateSubnet] = ["public", "private"].map((id) => zoneRect(zones, zones.get(id) as never));
    const overlap = publicSubnet.x < privateSubnet.x + privateSubnet.width && privateSubnet.x < publicSubnet.x + publicSubnet.width && publicSubnet.y < privateSubnet.y + privateSubnet.height && privateSubnet.y < publicSubnet.y + publicSubnet.height;
    expect(overlap).toBe(false);
  });
});
