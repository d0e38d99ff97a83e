import { zoneChain } from "../graph";
import { contains, overlaps, parseCidr, type Cidr } from "../graph/cidr";
import { cite, type Zone } from "../model";
import { defineRule } from "./support/define-rule";
import type { Detection } from "./support/types";

const SUBNET_KINDS = new Set<Zone["kind"]>(["public-subnet", "private-subnet"]);

export const zoneCidrsValid = defineRule({
  id: "zone-cidrs-valid",
  title: "VPC and subnet address ranges are valid, inside their VPC and do not overlap",
  severity: "error",
  category: "operations",
  rationale:
    "Terraform creates each drawn subnet with its drawn range. AWS refuses a range that is not a proper CIDR block, a subnet outside its VPC's range, or two subnets of one VPC that share addresses, so the plan fails at apply time.",
  citations: [cite("004", "VPC (10.0.0.0/16)"), cite("004", "Private Subnets (Multiple AZs)")],
  remediation: "Give each subnet its own block inside the VPC's range, such as 10.0.1.0/24 and 10.0.2.0/24 in 10.0.0.0/16, or clear the field to let Archway derive one.",
  detect(design, { graph }) {
    const detections: Detection[] = [];
    const ranges = new Map<string, Cidr>();
    for (const zone of design.zones) {
      if (zone.cidr === undefined) continue;
      const parsed = parseCidr(zone.cidr);
      if (typeof parsed === "string") detections.push({ targetId: zone.id, message: `${zone.name}: ${parsed}.`, zoneIds: [zone.id] });
      else ranges.set(zone.id, parsed);
    }
    const subnetsOf = new Map<string, Zone[]>();
    for (const zone of design.zones) {
      const range = ranges.get(zone.id);
      if (!range || !SUBNET_KINDS.has(zone.kind)) continue;
      const vpc = zoneChain(graph, zone.id).find((container) => container.kind === "vpc");
      const vpcRange = vpc && ranges.get(vpc.id);
      if (vpc && vpcRange && !contains(vpcRange, range)) {
        detections.push({ targetId: zone.id, message: `${zone.name} (${zone.cidr}) lies outside its VPC ${vpc.name} (${vpc.cidr}).`, zoneIds: [zone.id, vpc.id] });
        continue;
      }
      const key = vpc?.id ?? "";
      const earlier = (subnetsOf.get(key) ?? []).find((other) => overlaps(ranges.get(other.id) as Cidr, range));
      if (earlier) detections.push({ targetId: zone.id, message: `${zone.name} (${zone.cidr}) overlaps ${earlier.name} (${earlier.cidr}).`, zoneIds: [zone.id, earlier.id] });
      subnetsOf.set(key, [...(subnetsOf.get(key) ?? []), zone]);
    }
    return detections;
  },
});
