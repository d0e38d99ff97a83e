import { describe, expect, it } from "vitest";
import { cidrSubnet, contains, formatCidr, overlaps, parseCidr, type Cidr } from "@/lib/graph/cidr";
import { planNetwork } from "@/lib/generators/terraform/subnets";
import { designBuilder } from "@/tests/helpers/design-builder";

const block = (text: string) => parseCidr(text) as Cidr;

describe("IPv4 ranges", () => {
  it("parses, formats and compares blocks as Terraform's cidrsubnet does", () => {
    expect(formatCidr(block("10.0.0.0/16"))).toBe("10.0.0.0/16");
    expect(formatCidr(cidrSubnet(block("10.0.0.0/16"), 8, 100) as Cidr)).toBe("10.0.100.0/24");
    expect(cidrSubnet(block("10.0.0.0/16"), 8, 256)).toBeUndefined();
    expect(contains(block("10.0.0.0/16"), block("10.0.3.0/24"))).toBe(true);
    expect(contains(block("10.0.0.0/16"), block("10.1.0.0/24"))).toBe(false);
    expect(overlaps(block("10.0.1.0/24"), block("10.0.1.128/25"))).toBe(true);
    expect(overlaps(block("10.0.1.0/24"), block("10.0.2.0/24"))).toBe(false);
    expect(parseCidr("10.0.0.1/16")).toBe("10.0.0.1/16 has host bits set: the block starts at 10.0.0.0/16");
    expect(parseCidr("10.0.0.0/33")).toBe("10.0.0.0/33 has a prefix longer than /32");
  });
});

describe("the network Terraform builds", () => {
  it("derives a public and a private subnet in two zones when nothing is drawn", () => {
    const plan = planNetwork(designBuilder().component("service", "api").build());
    expect(plan.availabilityZones).toEqual(["us-east-1a", "us-east-1b"]);
    expect(plan.public.map((subnet) => [subnet.cidr, subnet.availabilityZone])).toEqual([
      ["10.0.0.0/24", "us-east-1a"],
      ["10.0.1.0/24", "us-east-1b"],
    ]);
    expect(plan.private.map((subnet) => [subnet.cidr, subnet.availabilityZone])).toEqual([
      ["10.0.128.0/24", "us-east-1a"],
      ["10.0.129.0/24", "us-east-1b"],
    ]);
  });

  it("creates the drawn zones and subnets with their ranges, and completes only the zones that lack a subnet", () => {
    const design = designBuilder()
      .zone("vpc", "vpc", { cidr: "172.16.0.0/16" })
      .zone("availability-zone", "az-1", { parent: "vpc", code: "us-east-1c" })
      .zone("availability-zone", "az-2", { parent: "vpc" })
      .zone("availability-zone", "az-3", { parent: "vpc", code: "eu-west-1a" })
      .zone("private-subnet", "app-1", { parent: "az-1", name: "App 1", cidr: "172.16.10.0/24" })
      .zone("private-subnet", "app-2", { parent: "az-2", name: "App 2", cidr: "172.16.11.0/24" })
      .zone("public-subnet", "edge", { parent: "vpc", name: "Edge" })
      .zone("private-subnet", "clash", { parent: "az-3", name: "Clash", cidr: "172.16.10.0/25" })
      .build();
    const plan = planNetwork(design);
    // A code from another region is not this region's zone: it gets the next free letter, as a zone drawn without one.
    expect(plan.availabilityZones).toEqual(["us-east-1c", "us-east-1a", "us-east-1b"]);
    expect(plan.vpcCidr).toBe("172.16.0.0/16");
    expect(plan.private.map((subnet) => [subnet.name, subnet.cidr, subnet.availabilityZone])).toEqual([
      ["App 1", "172.16.10.0/24", "us-east-1c"],
      ["App 2", "172.16.11.0/24", "us-east-1a"],
      ["Clash", "172.16.128.0/24", "us-east-1b"],
    ]);
    // A subnet drawn straight in the VPC stands for one in each zone.
    expect(plan.public.map((subnet) => [subnet.name, subnet.availabilityZone])).toEqual([
      ["Edge us-east-1c", "us-east-1c"],
      ["Edge us-east-1a", "us-east-1a"],
      ["Edge us-east-1b", "us-east-1b"],
    ]);
    expect(plan.notes).toEqual(["Subnet Clash: 172.16.10.0/25 overlaps another subnet; a free range is derived instead."]);
  });
});
