import { defaultConfig, type ComponentKind } from "@/lib/catalog";
import type { ZoneKind } from "@/lib/catalog/zones";
import { createConnection, createEmptyDesign, DesignSchema, type Component, type Design, type Zone } from "@/lib/model";

/** Test fixtures with readable ids; every design they build passes DesignSchema. */
export function component(id: string, kind: ComponentKind, x: number, y: number, zoneId?: string): Component {
  return { id, kind, name: id, position: { x, y }, ...(zoneId ? { zoneId } : {}), config: defaultConfig(kind) } as Component;
}

export function zone(id: string, kind: ZoneKind, x: number, y: number, width: number, height: number, parentId?: string): Zone {
  return { id, kind, name: id, position: { x, y }, size: { width, height }, ...(parentId ? { parentId } : {}) };
}

export function designOf(parts: { components?: Component[]; zones?: Zone[]; links?: [string, string][] }): Design {
  let design: Design = { ...createEmptyDesign("Fixture"), components: parts.components ?? [], zones: parts.zones ?? [] };
  for (const [sourceId, targetId] of parts.links ?? []) {
    const source = design.components.find((item) => item.id === sourceId) as Component;
    const target = design.components.find((item) => item.id === targetId) as Component;
    design = { ...design, connections: [...design.connections, createConnection(design, source, target)] };
  }
  return DesignSchema.parse(design);
}

/**
 * client → lb → api → db, with the load balancer in a public subnet and the service and database in a
 * private one, both in a VPC at (100, 100).
 */
export function layeredDesign(): Design {
  return designOf({
    zones: [
      zone("vpc", "vpc", 100, 100, 900, 500),
      zone("public", "public-subnet", 20, 40, 300, 200, "vpc"),
      zone("private", "private-subnet", 400, 40, 460, 300, "vpc"),
    ],
    components: [
      component("client", "client", -200, 200),
      component("lb", "load-balancer", 40, 60, "public"),
      component("api", "service", 40, 60, "private"),
      component("db", "database", 240, 160, "private"),
    ],
    links: [
      ["client", "lb"],
      ["lb", "api"],
      ["api", "db"],
    ],
  });
}
