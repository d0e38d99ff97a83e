import type { Component } from "../model";
import type { DesignGraph } from "./design-graph";
import { summarisePath, type PathSummary } from "./path-summary";
import { requestPathReach } from "./reachability";

/**
 * The fewest instances a component runs with, from its configuration; undefined for managed services
 * (DNS, CDN, WAF, load balancers, gateways, queues, object storage) that the provider runs redundantly.
 */
export function instanceFloor(component: Component): number | undefined {
  switch (component.kind) {
    case "service":
    case "worker":
      return component.config.autoscaling.enabled ? component.config.autoscaling.minReplicas : component.config.replicas;
    case "database":
      return component.config.multiAz ? 2 : 1;
    case "cache":
      return component.config.automaticFailover ? component.config.replicas + 1 : 1;
    case "nosql-database":
      return component.config.replicationFactor;
    default:
      return undefined;
  }
}

export interface SinglePointOfFailure {
  component: Component;
  /** One synchronous request path from an entry point to the component, named in constant size. */
  path: PathSummary;
}

/** Components on a synchronous request path that run as a single instance: when one fails, the requests through it fail. */
export function singlePointsOfFailure(graph: DesignGraph): SinglePointOfFailure[] {
  const reach = requestPathReach(graph);
  return graph.design.components
    .filter((component) => reach.reached.has(component.id) && instanceFloor(component) === 1)
    .map((component) => ({ component, path: summarisePath(reach, component.id) }));
}
