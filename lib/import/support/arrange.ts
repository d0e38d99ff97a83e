import { COMPONENT_SIZE, ZONE_PADDING } from "../../designer/geometry";

/**
 * First positions for an imported design: each zone's components in columns by their depth along the request flow
 * (what calls nothing upstream first), its child zones side by side below them, every zone sized to hold what it
 * contains. Deterministic and linear; the editor's auto-layout can refine it.
 */

interface Placeable {
  id: string;
  position: { x: number; y: number };
}
interface ArrangedZone extends Placeable {
  parentId?: string;
  size: { width: number; height: number };
}
interface ArrangedComponent extends Placeable {
  zoneId?: string;
}
interface Link {
  source: string;
  target: string;
}

const COLUMN_GAP = 96;
const ROW_GAP = 36;
const ZONE_GAP = 40;
const ROOT = "\u0000root";

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Breadth-first depth from the components nothing calls; components only reached through a cycle start at 0. */
function depths(components: readonly ArrangedComponent[], links: readonly Link[]): Map<string, number> {
  const outgoing = new Map<string, string[]>();
  const called = new Set<string>();
  for (const link of links) {
    push(outgoing, link.source, link.target);
    called.add(link.target);
  }
  const depth = new Map<string, number>();
  const queue = components.filter((component) => !called.has(component.id)).map((component) => component.id);
  for (const id of queue) depth.set(id, 0);
  for (let index = 0; index < queue.length; index += 1) {
    const id = queue[index];
    for (const target of outgoing.get(id) ?? []) {
      if (depth.has(target)) continue;
      depth.set(target, (depth.get(id) ?? 0) + 1);
      queue.push(target);
    }
  }
  for (const component of components) if (!depth.has(component.id)) depth.set(component.id, 0);
  return depth;
}

export function arrange<C extends ArrangedComponent, Z extends ArrangedZone, L extends Link>(design: { components: C[]; zones: Z[]; connections: L[] }): {
  components: C[];
  zones: Z[];
  connections: L[];
} {
  const depth = depths(design.components, design.connections);
  const childComponents = new Map<string, C[]>();
  const childZones = new Map<string, Z[]>();
  const zoneIds = new Set(design.zones.map((zone) => zone.id));
  for (const component of design.components) {
    const parent = component.zoneId !== undefined && zoneIds.has(component.zoneId) ? component.zoneId : ROOT;
    push(childComponents, parent, component);
  }
  for (const zone of design.zones) {
    const parent = zone.parentId !== undefined && zoneIds.has(zone.parentId) ? zone.parentId : ROOT;
    push(childZones, parent, zone);
  }
  const positions = new Map<string, { x: number; y: number }>();
  const sizes = new Map<string, { width: number; height: number }>();

  /** Lays out what `parent` holds from its content origin; returns the content's size. */
  const layOut = (parent: string, visiting: Set<string>): { width: number; height: number } => {
    const columns = new Map<number, C[]>();
    for (const component of childComponents.get(parent) ?? []) {
      const column = depth.get(component.id) ?? 0;
      push(columns, column, component);
    }
    const order = [...columns.keys()].sort((a, b) => a - b);
    let width = 0;
    let height = 0;
    order.forEach((column, index) => {
      const x = index * (COMPONENT_SIZE.width + COLUMN_GAP);
      (columns.get(column) ?? []).forEach((component, row) => {
        const y = row * (COMPONENT_SIZE.height + ROW_GAP);
        positions.set(component.id, { x, y });
        width = Math.max(width, x + COMPONENT_SIZE.width);
        height = Math.max(height, y + COMPONENT_SIZE.height);
      });
    });
    let x = 0;
    const top = height > 0 ? height + ZONE_GAP : 0;
    let rowHeight = 0;
    for (const zone of childZones.get(parent) ?? []) {
      if (visiting.has(zone.id)) continue;
      visiting.add(zone.id);
      const content = layOut(zone.id, visiting);
      const size = { width: Math.max(260, content.width + 2 * ZONE_PADDING.side), height: Math.max(120, content.height + ZONE_PADDING.top + ZONE_PADDING.bottom) };
      sizes.set(zone.id, size);
      positions.set(zone.id, { x, y: top });
      x += size.width + ZONE_GAP;
      rowHeight = Math.max(rowHeight, size.height);
    }
    return { width: Math.max(width, x - (x > 0 ? ZONE_GAP : 0)), height: top + rowHeight };
  };
  layOut(ROOT, new Set());

  const inset = (id: string, parent: string | undefined) => {
    const position = positions.get(id) ?? { x: 0, y: 0 };
    return parent === undefined || !zoneIds.has(parent) ? position : { x: position.x + ZONE_PADDING.side, y: position.y + ZONE_PADDING.top };
  };
  return {
    components: design.components.map((component) => ({ ...component, position: inset(component.id, component.zoneId) })),
    zones: design.zones.map((zone) => ({ ...zone, position: inset(zone.id, zone.parentId), size: sizes.get(zone.id) ?? zone.size })),
    connections: design.connections,
  };
}
