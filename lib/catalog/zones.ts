import { cite, type Citation } from "../model/citation";

export const ZONE_KINDS = ["region", "vpc", "availability-zone", "public-subnet", "private-subnet", "k8s-namespace"] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface ZoneKindDefinition {
  kind: ZoneKind;
  label: string;
  description: string;
  /** Zone kinds this zone may be placed in; an empty list means it may also stand at the top level only. */
  allowedParents: readonly ZoneKind[];
  topLevel: boolean;
  source: Citation;
}

/**
 * Containers that components are placed in. The nesting follows AWS: a region holds VPCs, a VPC spans
 * availability zones, and each zone has public and private subnets (004: VPC 10.0.0.0/16, Private Subnets
 * (Multiple AZs), Public Subnets (Multiple AZs)); Kubernetes namespaces may sit anywhere (003 namespaces).
 */
export const ZONE_DEFINITIONS: Record<ZoneKind, ZoneKindDefinition> = {
  region: {
    kind: "region",
    label: "Region",
    description: "A cloud region such as us-east-1.",
    allowedParents: [],
    topLevel: true,
    source: cite("002", "Multiple regions"),
  },
  vpc: {
    kind: "vpc",
    label: "VPC",
    description: "A private network (10.0.0.0/16) spanning the region's availability zones.",
    allowedParents: ["region"],
    topLevel: true,
    source: cite("004", "VPC (10.0.0.0/16)"),
  },
  "availability-zone": {
    kind: "availability-zone",
    label: "Availability zone",
    description: "An isolated data centre within the region; spread replicas over at least two.",
    allowedParents: ["region", "vpc"],
    topLevel: true,
    source: cite("003", "Multi-AZ Setup"),
  },
  "public-subnet": {
    kind: "public-subnet",
    label: "Public subnet",
    description: "Reachable from the internet gateway: load balancers and NAT gateways only.",
    allowedParents: ["vpc", "availability-zone"],
    topLevel: false,
    source: cite("004", "Public Subnets (Multiple AZs)"),
  },
  "private-subnet": {
    kind: "private-subnet",
    label: "Private subnet",
    description: "No route from the internet: services, databases and caches live here.",
    allowedParents: ["vpc", "availability-zone"],
    topLevel: false,
    source: cite("004", "Private Subnets (Multiple AZs)"),
  },
  "k8s-namespace": {
    kind: "k8s-namespace",
    label: "Kubernetes namespace",
    description: "A namespace isolating workloads with its own NetworkPolicies.",
    allowedParents: ["region", "vpc", "availability-zone", "public-subnet", "private-subnet"],
    topLevel: true,
    source: cite("003", "Multi-Environment Namespace Strategy"),
  },
};
