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

/** One place a component is drawn: its card's zone or an extra placement, with the availability zone around it. */
export interface ZonePlacement {
  /** The zone it is drawn in; undefined for a card outside every zone. */
  zone: Zone | undefined;
  /** The availability zone around that zone, if one is drawn. */
  availabilityZone: Zone | undefined;
}

/** Which availability zones a component runs in: the one answer rules, drills and generators share. */
export interface AvailabilityZones {
  /** Where it is drawn: its card's zone first, then each extra placement. */
  placements: ZonePlacement[];
  /**
   * True when every placement sits inside a drawn availability zone, so it runs there and nowhere else.
   * Otherwise some placement (a subnet drawn straight in the VPC, or no zone) stands for the region's zones,
   * as 004's "Private Subnets (Multiple AZs)" box does.
   */
  pinned: boolean;
  /** The drawn availability zones it runs in, without repeats: a regional placement adds the region's drawn zones. */
  zones: Zone[];
  /**
   * How many zones its instances are spread over. Pinned: the drawn zones. Regional: a service or worker spread
   * across zones uses the region's zones, at least two (003 "High Availability (99.95% Uptime SLA)": pods
   * distributed across 3 AZs); an unspread one runs in one. Other kinds keep their own zone settings (Multi-AZ,
   * replicas), so they count the zones they may run in.
   */
  spread: number;
}

/** The availability zones drawn in the same VPC (or region, or design) as a zone, for a placement that spans them. */
function regionalZones(graph: DesignGraph, zone: Zone | undefined): Zone[] {
  const all = graph.design.zones.filter((candidate) => candidate.kind === "availability-zone");
  const scope = zoneChain(graph, zone?.id).find((container) => container.kind === "vpc" || container.kind === "region");
  if (!scope) return all;
  return all.filter((candidate) => zoneChain(graph, candidate.id).some((container) => container.id === scope.id));
}

export function availabilityZonesOf(graph: DesignGraph, componentId: string): AvailabilityZones {
  const component = graph.component(componentId);
  const zoneIds = [component.zoneId, ...(component.alsoIn ?? []).map((placement) => placement.zoneId)];
  const placements = zoneIds.map((zoneId): ZonePlacement => {
    const chain = zoneChain(graph, zoneId);
    return { zone: chain[0], availabilityZone: chain.find((zone) => zone.kind === "availability-zone") };
  });
  const pinned = placements.every((placement) => placement.availabilityZone !== undefined);
  const zones = new Map<string, Zone>();
  for (const placement of placements) {
    const found = placement.availabilityZone ? [placement.availabilityZone] : regionalZones(graph, placement.zone);
    for (const zone of found) zones.set(zone.id, zone);
  }
  const workload = component.kind === "service" || component.kind === "worker";
  const spread = pinned ? zones.size : workload && !component.config.spreadAcrossZones ? 1 : Math.max(2, zones.size);
  return { placements, pinned, zones: [...zones.values()], spread };
}
