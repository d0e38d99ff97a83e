import { describe, expect, test } from "vitest";
import { zoneCidrsValid as rule } from "./zone-cidrs-valid";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .zone("vpc", "vpc", { name: "Main VPC", cidr: "10.0.0.0/16" })
  .zone("availability-zone", "az-a", { parent: "vpc" })
  .zone("private-subnet", "good", { parent: "az-a", name: "App A", cidr: "10.0.1.0/24" })
  .zone("private-subnet", "overlapping", { parent: "az-a", name: "App B", cidr: "10.0.1.128/25" })
  .zone("public-subnet", "outside", { parent: "vpc", name: "Edge", cidr: "10.1.0.0/24" })
  .zone("private-subnet", "host-bits", { parent: "vpc", name: "Data", cidr: "10.0.2.1/24" })
  .zone("private-subnet", "octet", { parent: "vpc", name: "Jobs", cidr: "10.0.300.0/24" })
  .zone("private-subnet", "derived", { parent: "vpc", name: "Cache" })
  .build();

describe("zone-cidrs-valid", () => {
  test("flags malformed ranges, subnets outside their VPC and overlapping subnets", () => {
    expect(findingIds(rule, design)).toEqual([
      "zone-cidrs-valid:host-bits",
      "zone-cidrs-valid:octet",
      "zone-cidrs-valid:overlapping",
      "zone-cidrs-valid:outside",
    ]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Data: 10.0.2.1/24 has host bits set: the block starts at 10.0.2.0/24.",
      "Jobs: 10.0.300.0/24 has an address part above 255.",
      "App B (10.0.1.128/25) overlaps App A (10.0.1.0/24).",
      "Edge (10.1.0.0/24) lies outside its VPC Main VPC (10.0.0.0/16).",
    ]);
  });

  test("passes drawn ranges that fit, and subnets left to be derived", () => {
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });
});
