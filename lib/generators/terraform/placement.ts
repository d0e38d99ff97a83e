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
