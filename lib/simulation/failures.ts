import { availabilityZonesOf, zoneChain, type AvailabilityZones, type DesignGraph } from "../graph";
import type { Component } from "../model";
import type { SimulationFailure } from "./types";

/** What a drill does to one component: it is down, or it keeps running with part of its capacity. */
export interface Impact {
  failed: boolean;
  /** Share of its capacity left, 0..1. */
  capacityFactor: number;
  /** Why, in words, naming the drill. */
  reason: string;
}

/**
 * How a component placed in a failed availability zone fares (002 "Failure Scenarios", 003 "Multi-AZ Setup"):
 * replicas spread over other zones, a Multi-AZ standby or a promoted cache replica keep it running; managed
 * regional services (DNS, CDN, load balancers, gateways, queues, storage) span zones by themselves.
 */
function zoneImpact(component: Component, placement: AvailabilityZones, zoneName: string): Impact {
  const lost = (why: string): Impact => ({ failed: true, capacityFactor: 0, reason: `${component.name} goes down with ${zoneName}: ${why}` });
  const survives = (capacityFactor: number, why: string): Impact => ({ failed: false, capacityFactor, reason: `${component.name} survives ${zoneName}: ${why}` });
  switch (component.kind) {
    case "service":
    case "worker": {
      const { autoscaling, replicas } = component.config;
      const floor = autoscaling.enabled ? autoscaling.minReplicas : replicas;
      const zones = placement.spread;
      if (zones < 2) return lost(placement.pinned ? "it runs in no other availability zone" : "its instances are not spread across zones");
      if (floor < 2) return lost("it runs a single instance");
      if (autoscaling.enabled) return survives(1, "its instances are spread across zones and autoscaling replaces the lost ones in the others");
      return survives((zones - 1) / zones, `its ${replicas} instances are spread across ${zones} zones, so ${fraction(zones - 1, zones)} of its capacity remains`);
    }
    case "database":
      return component.config.multiAz ? survives(1, "Multi-AZ fails over to its standby in another zone in under 60 s") : lost("it has no Multi-AZ standby");
    case "cache": {
      const { automaticFailover, replicas } = component.config;
      if (!automaticFailover || replicas === 0) return lost(replicas === 0 ? "it has no replica" : "automatic failover is off");
      return survives(replicas / (1 + replicas), "a replica in another zone is promoted to primary");
    }
    case "nosql-database":
      return component.config.replicationFactor >= 2
        ? survives(1, `each partition keeps ${component.config.replicationFactor - 1} more copies in other zones`)
        : lost("each partition has a single copy");
    case "client":
      return lost("clients in the zone lose their connection");
    default:
      return survives(1, "it is a managed service spread across zones");
  }
}

function fraction(part: number, whole: number): string {
  return `${part}/${whole}`;
}

/**
 * Whether a failed zone takes part of a component with it. An availability zone does when it is one of the zones
 * the component runs in (a client outside every zone is not in the cloud's zones); any other zone does when one of
 * the component's placements lies inside it.
 */
function hitBy(graph: DesignGraph, component: Component, placement: AvailabilityZones, zoneId: string): boolean {
  const failed = graph.zones.get(zoneId);
  if (failed?.kind === "availability-zone") {
    if (component.kind === "client" && !placement.pinned) return false;
    return placement.zones.some((zone) => zone.id === zoneId);
  }
  return placement.placements.some((where) => zoneChain(graph, where.zone?.id).some((zone) => zone.id === zoneId));
}

/** Impacts of every drill, per component id; the worst impact wins when drills overlap. */
export function resolveFailures(graph: DesignGraph, failures: readonly SimulationFailure[]): Map<string, Impact> {
  const impacts = new Map<string, Impact>();
  const apply = (componentId: string, impact: Impact) => {
    const current = impacts.get(componentId);
    if (!current || impact.capacityFactor < current.capacityFactor) impacts.set(componentId, impact);
  };
  for (const failure of failures) {
    if (failure.type === "component") {
      const component = graph.components.get(failure.componentId);
      if (component) apply(component.id, { failed: true, capacityFactor: 0, reason: `${component.name} is down` });
      continue;
    }
    const zone = graph.zones.get(failure.zoneId);
    if (!zone) continue;
    for (const component of graph.design.components) {
      const placement = availabilityZonesOf(graph, component.id);
      if (!hitBy(graph, component, placement, zone.id)) continue;
      if (failure.type === "region") apply(component.id, { failed: true, capacityFactor: 0, reason: `${component.name} goes down with the region ${zone.name}` });
      else apply(component.id, zoneImpact(component, placement, zone.name));
    }
  }
  return impacts;
}
