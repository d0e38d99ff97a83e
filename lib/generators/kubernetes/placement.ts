import type { Component, Design, Zone } from "../../model";

const IN_CLUSTER_KINDS = new Set<Component["kind"]>(["database", "cache", "nosql-database"]);

/**
 * Where each component of a design runs, computed once. A data store drawn inside a Kubernetes namespace
 * runs in the cluster as a StatefulSet (001 "Layer 9: Database Connection (FastAPI → PostgreSQL)");
 * anywhere else it is a managed service that Terraform creates. DynamoDB has no in-cluster form.
 */
export class Placement {
  private readonly namespaceZones = new Map<string, Zone>();

  constructor(design: Design) {
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

  runsInCluster(component: Component): boolean {
    if (!IN_CLUSTER_KINDS.has(component.kind)) return false;
    if (component.kind === "nosql-database" && component.config.engine === "dynamodb") return false;
    return this.namespaceZones.has(component.id);
  }
}
