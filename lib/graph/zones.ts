import type { ZoneKind } from "../catalog/zones";
import type { Zone } from "../model";
import type { DesignGraph } from "./design-graph";

/** A zone and the zones it is nested in, nearest first. */
export function zoneChain(graph: DesignGraph, zoneId: string | undefined): Zone[] {
  const chain: Zone[] = [];
  const seen = new Set<string>();
  for (let zone = zoneId === undefined ? undefined : graph.zones.get(zoneId); zone && !seen.has(zone.id); ) {
    chain.push(zone);
    seen.add(zone.id);
    zone = zone.parentId === undefined ? undefined : graph.zones.get(zone.parentId);
  }
  return chain;
}

/** Zones a component is placed in, nearest first. */
export function componentZones(graph: DesignGraph, componentId: string): Zone[] {
  return zoneChain(graph, graph.component(componentId).zoneId);
}

/** The nearest zone of `kind` around a component. */
export function enclosingZone(graph: DesignGraph, componentId: string, kind: ZoneKind): Zone | undefined {
  return componentZones(graph, componentId).find((zone) => zone.kind === kind);
}

/** Canvas position in absolute coordinates: positions are relative to the parent zone. */
export function absolutePosition(graph: DesignGraph, item: { position: { x: number; y: number }; zoneId?: string; parentId?: string }): {
  x: number;
  y: number;
} {
  let { x, y } = item.position;
  for (const zone of zoneChain(graph, item.zoneId ?? item.parentId)) {
    x += zone.position.x;
    y += zone.position.y;
  }
  return { x, y };
}
