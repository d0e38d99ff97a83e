import { availabilityZonesOf, graphOf, type DesignGraph } from "../../graph";
import type { Component, Design, Zone } from "../../model";
import { networkPlanOf } from "../terraform/subnets";

/** The zones a workload's pods may run in: how many to spread over, and the zone codes when pinned to drawn zones. */
export interface PodZones {
  spread: number;
  /** topology.kubernetes.io/zone values the pods are held to; undefined when they may run in any zone. */
  pinnedTo?: string[];
}

const IN_CLUSTER_KINDS = new Set<Component["kind"]>(["database", "cache", "nosql-database"]);

/**
 * Where each component of a design runs, computed once. A data store drawn inside a Kubernetes namespace
 * runs in the cluster as a StatefulSet (001 "Layer 9: Database Connection (FastAPI → PostgreSQL)");
 * anywhere else it is a managed service that Terraform creates. DynamoDB has no in-cluster form.
 */
export class Placement {
  private readonly namespaceZones = new Map<string, Zone>();
  private readonly graph: DesignGraph;

  constructor(private readonly design: Design) {
    this.graph = graphOf(design);
    const zones = new Map(design.zones.map((zone) => [zone.id, zone]));
    for (const component of design.components) {
      let zone = component.zoneId === undefined ? undefined : zones.get(component.zoneId);
      while (zone && zone.kind !== "k8s-namespace") zone = zone.parentId === undefined ? undefined : zones.get(zone.parentId);
      if (zone) this.namespaceZones.set(component.id, zone);
    }
  }

  /** The Kubernetes namespace zone a component sits in, directly or through enclosing zones. */
  namespaceZoneOf(component: Component): Zone | undefined {
    return this.namespaceZones.get(component.id);
  }

  /**
   * The shared availability-zone answer in Kubernetes terms: pods of a workload drawn in drawn zones are held to
   * those zones' codes (the codes Terraform gives the subnets), and spread over them when there are two or more.
   */
  podZones(component: Component): PodZones {
    const zones = availabilityZonesOf(this.graph, component.id);
    if (!zones.pinned) return { spread: zones.spread };
    const codes = networkPlanOf(this.design).zoneCodes;
    return { spread: zones.spread, pinnedTo: zones.zones.map((zone) => codes.get(zone.id) as string) };
  }

  runsInCluster(component: Component): boolean {
    if (!IN_CLUSTER_KINDS.has(component.kind)) return false;
    if (component.kind === "nosql-database" && component.config.engine === "dynamodb") return false;
    return this.namespaceZones.has(component.id);
  }
}
