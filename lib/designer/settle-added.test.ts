import { describe, expect, it } from "vitest";
import { createConnection, DesignSchema, type Component } from "@/lib/model";
import { component, layeredDesign } from "@/tests/helpers/canvas-designs";
import { COMPONENT_SIZE, innermostZoneAt, type Rect } from "./geometry";
import { cardRects } from "./placement";
import { settleAddedComponents } from "./settle-added";

const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe("settleAddedComponents", () => {
  it("moves a component a fix dropped on a card into the zone of its neighbour, clear of every card and subnet", () => {
    const before = layeredDesign();
    // A WAF put at the service card's spot (canvas 540, 200), in no zone, wired to the load balancer (public subnet, VPC).
    const waf = component("waf", "waf", 540, 200) as Component;
    const withWaf = { ...before, components: [...before.components, waf] };
    const after = { ...withWaf, connections: [...withWaf.connections, createConnection(withWaf, waf, before.components[1])] };
    const settled = settleAddedComponents(before, after);
    const placed = settled.components.find((candidate) => candidate.id === "waf");
    expect(placed?.zoneId).toBe("vpc");
    const rects = cardRects(settled);
    const wafRect = rects[settled.components.findIndex((candidate) => candidate.id === "waf")];
    for (const other of rects) if (other !== wafRect) expect(apart(wafRect, other)).toBe(true);
    expect(innermostZoneAt(settled, { x: wafRect.x + COMPONENT_SIZE.width / 2, y: wafRect.y + COMPONENT_SIZE.height / 2 })?.id).toBe("vpc");
    expect(DesignSchema.safeParse(settled).success).toBe(true);
  });

  it("leaves components that were already there, and a new one on a free spot, where they are", () => {
    const before = layeredDesign();
    const lonely = component("dns", "dns", -600, -400) as Component;
    const after = { ...before, components: [...before.components, lonely] };
    const settled = settleAddedComponents(before, after);
    expect(settled.components.slice(0, before.components.length)).toEqual(before.components);
    expect(settled.components.at(-1)?.position).toEqual({ x: -600, y: -400 });
  });
});
