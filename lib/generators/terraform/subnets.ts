import { availabilityZonesOf, graphOf, zoneChain, type DesignGraph } from "../../graph";
import { cidrSubnet, contains, formatCidr, overlaps, parseCidr, type Cidr } from "../../graph/cidr";
import type { Component, Design, Zone } from "../../model";

export type SubnetTier = "public" | "private";

/** One subnet Terraform creates. */
export interface PlannedSubnet {
  tier: SubnetTier;
  name: string;
  cidr: string;
  /** Cloud code of its availability zone, e.g. us-east-1a. */
  availabilityZone: string;
  /** The drawn subnet it comes from; undefined when it was derived because none was drawn in that zone. */
  zoneId?: string;
}

/** The network Terraform builds: what was drawn, completed only where nothing was. */
export interface NetworkPlan {
  vpcCidr: string;
  /** Zone codes in drawing order, at least two (003 "Multi-AZ Setup"). */
  availabilityZones: string[];
  /** Code of each drawn availability zone, by zone id. */
  zoneCodes: ReadonlyMap<string, string>;
  public: PlannedSubnet[];
  private: PlannedSubnet[];
  /** What was drawn but could not be used as it is, in words, for the file's notes. */
  notes: string[];
}

const DEFAULT_VPC_CIDR = "10.0.0.0/16";
const TIER_OF: Partial<Record<Zone["kind"], SubnetTier>> = { "public-subnet": "public", "private-subnet": "private" };

/** Drawn codes in the design's region, then the next free letters for zones drawn without one. */
function zoneCodes(design: Design): { codes: Map<string, string>; list: string[] } {
  const region = design.settings.cloudRegion;
  const drawn = design.zones.filter((zone) => zone.kind === "availability-zone");
  const taken = new Set<string>();
  const codes = new Map<string, string>();
  for (const zone of drawn) {
    if (zone.code !== undefined && zone.code.startsWith(region) && zone.code.length > region.length && !taken.has(zone.code)) {
      codes.set(zone.id, zone.code);
      taken.add(zone.code);
    }
  }
  let letter = "a".charCodeAt(0);
  const nextFree = () => {
    while (taken.has(`${region}${String.fromCharCode(letter)}`)) letter += 1;
    const code = `${region}${String.fromCharCode(letter)}`;
    taken.add(code);
    return code;
  };
  for (const zone of drawn) if (!codes.has(zone.id)) codes.set(zone.id, nextFree());
  const list = drawn.map((zone) => codes.get(zone.id) as string);
  while (list.length < 2) list.push(nextFree());
  return { codes, list };
}

/**
 * The VPC, availability zones and subnets of a design (004: VPC (10.0.0.0/16), Public Subnets (Multiple AZs),
 * Private Subnets (Multiple AZs)). Drawn subnets are created with their drawn CIDR in their availability
 * zone; a subnet drawn straight in the VPC stands for one in each zone. Every zone gets a public and a private
 * subnet, derived as /24-style slices of the VPC range when none was drawn there, because NAT gateways,
 * load balancers and database subnet groups need one in each zone.
 */
export function planNetwork(design: Design): NetworkPlan {
  const graph = graphOf(design);
  const notes: string[] = [];
  const vpc = design.zones.find((zone) => zone.kind === "vpc" && zone.cidr !== undefined) ?? design.zones.find((zone) => zone.kind === "vpc");
  const parsedVpc = parseCidr(vpc?.cidr ?? DEFAULT_VPC_CIDR);
  if (typeof parsedVpc === "string") notes.push(`The VPC range ${parsedVpc}; ${DEFAULT_VPC_CIDR} is used instead.`);
  const vpcRange = typeof parsedVpc === "string" ? (parseCidr(DEFAULT_VPC_CIDR) as Cidr) : parsedVpc;
  const { codes, list } = zoneCodes(design);

  const used: Cidr[] = [];
  const drawnRanges = new Map<string, Cidr>();
  for (const zone of design.zones) {
    if (!TIER_OF[zone.kind] || zone.cidr === undefined) continue;
    const parsed = parseCidr(zone.cidr);
    if (typeof parsed === "string") notes.push(`Subnet ${zone.name}: ${parsed}; a free range is derived instead.`);
    else if (!contains(vpcRange, parsed)) notes.push(`Subnet ${zone.name}: ${zone.cidr} lies outside the VPC range ${formatCidr(vpcRange)}; a free range is derived instead.`);
    else if (used.some((other) => overlaps(other, parsed))) notes.push(`Subnet ${zone.name}: ${zone.cidr} overlaps another subnet; a free range is derived instead.`);
    else {
      used.push(parsed);
      drawnRanges.set(zone.id, parsed);
    }
  }
  const newbits = Math.max(1, Math.min(8, 28 - vpcRange.prefix));
  const freeRange = (tier: SubnetTier): string => {
    for (let netnum = tier === "public" ? 0 : 2 ** (newbits - 1); netnum < 2 ** newbits; netnum += 1) {
      const candidate = cidrSubnet(vpcRange, newbits, netnum) as Cidr;
      if (used.some((other) => overlaps(other, candidate))) continue;
      used.push(candidate);
      return formatCidr(candidate);
    }
    throw new Error(`The VPC range ${formatCidr(vpcRange)} has no room for another subnet`);
  };

  const subnets: Record<SubnetTier, PlannedSubnet[]> = { public: [], private: [] };
  for (const zone of design.zones) {
    const tier = TIER_OF[zone.kind];
    if (!tier) continue;
    const az = zoneChain(graph, zone.id).find((container) => container.kind === "availability-zone");
    const inZones = az ? [codes.get(az.id) as string] : list;
    inZones.forEach((code, index) => {
      const drawnRange = index === 0 ? drawnRanges.get(zone.id) : undefined;
      subnets[tier].push({
        tier,
        name: inZones.length > 1 ? `${zone.name} ${code}` : zone.name,
        cidr: drawnRange ? formatCidr(drawnRange) : freeRange(tier),
        availabilityZone: code,
        zoneId: zone.id,
      });
    });
  }
  for (const tier of ["public", "private"] as const) {
    for (const code of list) {
      if (!subnets[tier].some((subnet) => subnet.availabilityZone === code)) subnets[tier].push({ tier, name: `${tier === "public" ? "Public" : "Private"} subnet ${code}`, cidr: freeRange(tier), availabilityZone: code });
    }
  }
  return { vpcCidr: formatCidr(vpcRange), availabilityZones: list, zoneCodes: codes, public: subnets.public, private: subnets.private, notes };
}

const plans = new WeakMap<Design, NetworkPlan>();

/** The plan of a design, computed once per generation. */
export function networkPlanOf(design: Design): NetworkPlan {
  let plan = plans.get(design);
  if (!plan) {
    plan = planNetwork(design);
    plans.set(design, plan);
  }
  return plan;
}

/**
 * Indexes into the private subnets a component runs in, from the shared availability-zone answer: the drawn
 * private subnets it is placed in, or every private subnet of a drawn zone it is placed in. Undefined when it is
 * not pinned to drawn zones, so it runs in every private subnet.
 */
export function privateSubnetIndexes(plan: NetworkPlan, graph: DesignGraph, component: Component): number[] | undefined {
  const zones = availabilityZonesOf(graph, component.id);
  if (!zones.pinned) return undefined;
  const indexes = new Set<number>();
  for (const placement of zones.placements) {
    const code = placement.availabilityZone && plan.zoneCodes.get(placement.availabilityZone.id);
    const drawn = plan.private.flatMap((subnet, index) => (subnet.zoneId !== undefined && subnet.zoneId === placement.zone?.id ? [index] : []));
    const inZone = plan.private.flatMap((subnet, index) => (subnet.availabilityZone === code ? [index] : []));
    for (const index of drawn.length > 0 ? drawn : inZone) indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
}
