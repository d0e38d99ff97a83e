import type { Component, ComponentOf, Connection, Design, Zone } from "../../model";
import { ComponentNames } from "../component-names";
import { dnsLabel, shortHash, shortName, slug } from "../naming";
import { Placement, type PodZones } from "./placement";

export type Workload = ComponentOf<"service"> | ComponentOf<"worker">;
export type StatefulStore = ComponentOf<"database"> | ComponentOf<"cache"> | ComponentOf<"nosql-database">;

/** Port a worker answers probes and metric scrapes on (the generated TypeScript worker listens there). */
export const WORKER_PORT = 8080;

/** Kinds that forward requests without running in the cluster themselves. */
const PASS_THROUGH_KINDS = new Set<Component["kind"]>(["dns", "waf", "rate-limiter", "load-balancer", "cdn", "api-gateway", "reverse-proxy"]);

/** Traffic from these enters the cluster at its edge rather than from a pod. */
const EDGE_KINDS = new Set<Component["kind"]>(["client", "dns", "cdn", "waf", "rate-limiter", "load-balancer", "api-gateway", "reverse-proxy"]);

/**
 * Namespaces the cluster or its add-ons own: a design's namespace zone never takes one of these names, so
 * its default-deny policies cannot land in kube-system or lock out the ingress controller.
 */
const RESERVED_NAMESPACES = new Set(["default", "kube-system", "kube-public", "kube-node-lease", "ingress-nginx", "monitoring", "cert-manager"]);

/** What the manifests need to know about a design, computed once: names, namespaces, who calls whom. */
export class KubernetesContext {
  readonly project: string;
  readonly defaultNamespace: string;
  private readonly placement: Placement;
  private readonly byId: Map<string, Component>;
  private readonly incoming = new Map<string, Connection[]>();
  private readonly outgoing = new Map<string, Connection[]>();
  private readonly zoneNamespaces = new Map<string, string>();
  private readonly names: ComponentNames;

  constructor(readonly design: Design) {
    this.project = shortName(design.name, 40);
    this.defaultNamespace = this.project;
    this.placement = new Placement(design);
    this.names = new ComponentNames(design);
    this.byId = new Map(design.components.map((component) => [component.id, component]));
    for (const connection of design.connections) {
      for (const [map, key] of [
        [this.incoming, connection.target],
        [this.outgoing, connection.source],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(connection);
        else map.set(key, [connection]);
      }
    }
    const used = new Map<string, number>();
    const namespaceZones = design.zones.filter((zone) => zone.kind === "k8s-namespace");
    const baseName = (zone: Zone) => {
      const base = dnsLabel(slug(zone.name, 50, zone.id));
      return RESERVED_NAMESPACES.has(base) ? dnsLabel(base, "app") : base;
    };
    for (const zone of namespaceZones) used.set(baseName(zone), (used.get(baseName(zone)) ?? 0) + 1);
    for (const zone of namespaceZones) {
      const base = baseName(zone);
      this.zoneNamespaces.set(zone.id, (used.get(base) ?? 0) > 1 ? dnsLabel(base, shortHash(zone.id)) : base);
    }
  }

  component(id: string): Component {
    const component = this.byId.get(id);
    if (!component) throw new Error(`Unknown component "${id}"`);
    return component;
  }

  /** Object name of a component: its name slug (lib/generators/component-names.ts), a DNS-1035 label with room for suffixes. */
  name(component: Component): string {
    return this.names.of(component).kubernetes;
  }

  namespaceOf(component: Component): string {
    const zone: Zone | undefined = this.placement.namespaceZoneOf(component);
    return zone ? (this.zoneNamespaces.get(zone.id) as string) : this.defaultNamespace;
  }

  workloads(): Workload[] {
    return this.design.components.filter((component): component is Workload => component.kind === "service" || component.kind === "worker");
  }

  statefulStores(): StatefulStore[] {
    return this.design.components.filter((component): component is StatefulStore => this.runsInCluster(component));
  }

  /** Whether a component has pods in the cluster: workloads and in-cluster data stores. */
  runsPods(component: Component): boolean {
    return component.kind === "service" || component.kind === "worker" || this.runsInCluster(component);
  }

  /** Availability zones a workload's pods run in (lib/graph availabilityZonesOf). */
  podZones(component: Component): PodZones {
    return this.placement.podZones(component);
  }

  /** Whether a data store runs in the cluster rather than as a managed service. */
  runsInCluster(component: Component): boolean {
    return this.placement.runsInCluster(component);
  }

  /** Namespaces that hold at least one object, sorted. */
  namespaces(): string[] {
    const names = new Set(this.design.components.filter((component) => this.runsPods(component)).map((component) => this.namespaceOf(component)));
    return [...names].sort();
  }

  callsFrom(id: string): Connection[] {
    return this.outgoing.get(id) ?? [];
  }

  callsInto(id: string): Connection[] {
    return this.incoming.get(id) ?? [];
  }

  /** Port a component's pods listen on, or undefined for components without pods. */
  port(component: Component): number | undefined {
    switch (component.kind) {
      case "service":
        return component.config.port;
      case "worker":
        return WORKER_PORT;
      case "database":
      case "cache":
      case "nosql-database":
        return component.config.port;
      default:
        return undefined;
    }
  }

  /**
   * Pods that answer calls made to `target`: the target itself, or the pods behind a load balancer, gateway or
   * proxy, depth first in connection order. An explicit stack rather than recursion, so a chain of thousands
   * of pass-through components cannot overflow the call stack.
   */
  answeringPods(target: Component): Component[] {
    const pods: Component[] = [];
    const visited = new Set<string>();
    const stack = [target];
    while (stack.length > 0) {
      const current = stack.pop() as Component;
      if (visited.has(current.id)) continue;
      visited.add(current.id);
      if (this.runsPods(current)) pods.push(current);
      else if (PASS_THROUGH_KINDS.has(current.kind)) {
        const next = this.callsFrom(current.id);
        for (let index = next.length - 1; index >= 0; index -= 1) stack.push(this.component(next[index].target));
      }
    }
    return pods;
  }

  /** Whether a call into `component` over `connection` arrives from outside the cluster, through its edge. */
  arrivesFromEdge(connection: Connection): boolean {
    return EDGE_KINDS.has(this.component(connection.source).kind);
  }

  /** Services reached from the edge (clients, DNS, CDN, load balancers, gateways, proxies), with the connection that reaches them. */
  edgeEntries(): { service: ComponentOf<"service">; via: Connection }[] {
    const entries: { service: ComponentOf<"service">; via: Connection }[] = [];
    const seen = new Set<string>();
    for (const connection of this.design.connections) {
      const target = this.component(connection.target);
      if (target.kind !== "service" || !this.arrivesFromEdge(connection) || seen.has(target.id)) continue;
      seen.add(target.id);
      entries.push({ service: target, via: connection });
    }
    return entries;
  }

  /** The VPC's address range: the design's VPC zone, else the 004 default. */
  vpcCidr(): string {
    return this.design.zones.find((zone) => zone.kind === "vpc" && zone.cidr !== undefined)?.cidr ?? "10.0.0.0/16";
  }
}
