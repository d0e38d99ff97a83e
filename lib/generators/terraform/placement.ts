import { availabilityZonesOf, graphOf, type DesignGraph } from "../../graph";
import type { Component, Design } from "../../model";
import { ref, type HclValue } from "./hcl";
import { networkPlanOf, privateSubnetIndexes } from "./subnets";

const graphs = new WeakMap<Design, DesignGraph>();

function graphFor(design: Design): DesignGraph {
  let graph = graphs.get(design);
  if (!graph) {
    graph = graphOf(design);
    graphs.set(design, graph);
  }
  return graph;
}

/**
 * Where a workload's tasks run, from the shared availability-zone answer: the private subnets of the zones it
 * is drawn in (004 "Private Subnets (Multiple AZs)"), or all of them when it is not pinned to drawn zones;
 * `spread` is how many zones its tasks are balanced over.
 */
export function workloadSubnets(design: Design, component: Component): { subnets: HclValue; spread: number } {
  const graph = graphFor(design);
  const indexes = privateSubnetIndexes(networkPlanOf(design), graph, component);
  const subnets = indexes === undefined ? ref("aws_subnet.private.*.id") : indexes.map((index) => ref(`aws_subnet.private.${index}.id`));
  return { subnets, spread: availabilityZonesOf(graph, component.id).spread };
}

/**
 * The availability zone of a single-AZ database drawn inside one zone: RDS places the primary there. A Multi-AZ
 * database picks its own zones for primary and standby (003 "Multi-AZ Deployment": primary in us-east-1a,
 * standby in us-east-1b), and RDS refuses a fixed zone for it; its subnet group always spans every zone.
 */
export function databaseZone(design: Design, database: Component): string | undefined {
  if (database.kind !== "database" || database.config.multiAz) return undefined;
  const zones = availabilityZonesOf(graphFor(design), database.id);
  if (!zones.pinned || zones.zones.length !== 1) return undefined;
  return networkPlanOf(design).zoneCodes.get(zones.zones[0].id);
}
