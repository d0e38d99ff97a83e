import { cite } from "../../model";
import { resource, dataSource, variable } from "./blocks";
import { securityDescription, tagValue, type NetworkPeer, type TerraformContext, type TerraformSection } from "./context";
import { call, nested, object, ref, type HclBlock, type HclBody, type HclValue } from "./hcl";
import { networkPlanOf, type NetworkPlan, type SubnetTier } from "./subnets";

const AZ_COUNT = call("length", ref("var.availability_zones"));
const AZ_AT_INDEX = call("element", ref("var.availability_zones"), ref("count.index"));

function nameTag(context: TerraformContext, name: string) {
  return object({ Name: `${context.project}-${name}` });
}

const tierList = (tier: SubnetTier, field: "cidrs" | "zones" | "names") => ref(`var.${tier}_subnet_${field}`);
const atIndex = (list: HclValue) => call("element", list, ref("count.index"));
/** Index of the first entry of `zones` that is `zone`: maps a subnet to its zone's NAT gateway or route table. */
const zoneIndex = (zones: HclValue, zone: HclValue) => call("index", zones, zone);

/** Three lists per tier, one entry per subnet: Terraform reads the same index of each. */
function subnetVariables(plan: NetworkPlan): HclBlock[] {
  return (["public", "private"] as const).flatMap((tier) => {
    const subnets = plan[tier];
    const what = `the ${tier} subnets, one entry per subnet, in the same order as ${tier}_subnet_cidrs`;
    return [
      variable(`${tier}_subnet_cidrs`, { type: call("list", ref("string")), description: `Address ranges of the ${tier} subnets: the drawn ones, and derived slices of the VPC range where none was drawn.`, default: subnets.map((subnet) => subnet.cidr) }),
      variable(`${tier}_subnet_zones`, { type: call("list", ref("string")), description: `Availability zone of each of ${what}.`, default: subnets.map((subnet) => subnet.availabilityZone) }),
      variable(`${tier}_subnet_names`, { type: call("list", ref("string")), description: `Name tag of each of ${what}.`, default: subnets.map((subnet) => subnet.name) }),
    ];
  });
}

/**
 * The VPC and the subnets that were drawn, each in its availability zone with its drawn CIDR, completed with a
 * public and a private subnet in every zone that has none; one NAT gateway per zone so a zone failure does not
 * cut the others off (004: Public Subnets (Multiple AZs) with NAT Gateway, Private Subnets (Multiple AZs) for the
 * services).
 */
function vpcBlocks(context: TerraformContext): HclBlock[] {
  const eks = context.platform === "eks";
  const subnet = (tier: SubnetTier): HclBody => ({
    count: call("length", tierList(tier, "cidrs")),
    vpc_id: ref("aws_vpc.main.id"),
    cidr_block: atIndex(tierList(tier, "cidrs")),
    availability_zone: atIndex(tierList(tier, "zones")),
    map_public_ip_on_launch: false,
    tags: object({
      Name: atIndex(tierList(tier, "names")),
      Tier: tier,
      ...(eks ? { [tier === "public" ? "kubernetes.io/role/elb" : "kubernetes.io/role/internal-elb"]: "1" } : {}),
    }),
  });
  return [
    resource(
      "aws_vpc",
      "main",
      { cidr_block: ref("var.vpc_cidr"), enable_dns_support: true, enable_dns_hostnames: true, tags: nameTag(context, "vpc") },
      [context.cite(cite("004", "VPC (10.0.0.0/16)"))],
    ),
    resource("aws_subnet", "public", subnet("public"), [context.cite(cite("004", "Public Subnets (Multiple AZs)"))]),
    resource("aws_subnet", "private", subnet("private"), [context.cite(cite("004", "Private Subnets (Multiple AZs)"))]),
    resource("aws_internet_gateway", "main", { vpc_id: ref("aws_vpc.main.id"), tags: nameTag(context, "igw") }),
    resource("aws_eip", "nat", { count: AZ_COUNT, domain: "vpc", tags: nameTag(context, "nat") }),
    resource(
      "aws_nat_gateway",
      "main",
      {
        count: AZ_COUNT,
        allocation_id: call("element", ref("aws_eip.nat.*.id"), ref("count.index")),
        subnet_id: call("element", ref("aws_subnet.public.*.id"), zoneIndex(tierList("public", "zones"), AZ_AT_INDEX)),
        tags: nameTag(context, "nat"),
        depends_on: [ref("aws_internet_gateway.main")],
      },
      ["One NAT gateway per zone, in that zone's public subnet: containers reach ECR and AWS APIs without public addresses (004 NAT Gateway)."],
    ),
    resource("aws_route_table", "public", {
      vpc_id: ref("aws_vpc.main.id"),
      route: nested({ cidr_block: "0.0.0.0/0", gateway_id: ref("aws_internet_gateway.main.id") }),
      tags: nameTag(context, "public"),
    }),
    resource("aws_route_table_association", "public", {
      count: call("length", tierList("public", "cidrs")),
      subnet_id: atIndex(ref("aws_subnet.public.*.id")),
      route_table_id: ref("aws_route_table.public.id"),
    }),
    resource("aws_route_table", "private", {
      count: AZ_COUNT,
      vpc_id: ref("aws_vpc.main.id"),
      route: nested({ cidr_block: "0.0.0.0/0", nat_gateway_id: call("element", ref("aws_nat_gateway.main.*.id"), ref("count.index")) }),
      tags: nameTag(context, "private"),
    }),
    resource("aws_route_table_association", "private", {
      count: call("length", tierList("private", "cidrs")),
      subnet_id: atIndex(ref("aws_subnet.private.*.id")),
      route_table_id: call("element", ref("aws_route_table.private.*.id"), zoneIndex(ref("var.availability_zones"), atIndex(tierList("private", "zones")))),
    }),
  ];
}

function peerSource(context: TerraformContext, peer: NetworkPeer): HclBody {
  switch (peer.type) {
    case "security-group":
      return { referenced_security_group_id: context.securityGroup(peer.component) };
    case "internet":
      return { cidr_ipv4: "0.0.0.0/0" };
    case "cloudfront":
      return { prefix_list_id: ref("data.aws_ec2_managed_prefix_list.cloudfront.id") };
  }
}

function peerName(context: TerraformContext, peer: NetworkPeer): string {
  switch (peer.type) {
    case "security-group":
      return context.nameOf(peer.component).base;
    case "internet":
      return "the internet";
    case "cloudfront":
      return "CloudFront origin-facing addresses";
  }
}

/**
 * Security groups derived from the design's connections, least privilege (003 "5. Security (Defense in
 * Depth)"): each group admits only the groups of its real callers, on its own ports. A database's group
 * admits only the services that query it; an internet-facing load balancer admits the internet, or only
 * CloudFront when a CDN sits in front. Each allowed path is mirrored by an egress rule on the caller.
 * Workloads may also reach HTTPS anywhere through NAT for ECR, CloudWatch and AWS APIs.
 */
function securityGroupBlocks(context: TerraformContext): HclBlock[] {
  const owners = context.design.components.filter((component) => context.hasSecurityGroup(component));
  const blocks: HclBlock[] = [];
  const egress = new Map<string, HclBody[]>();
  let usesCloudFront = false;

  for (const owner of owners) {
    blocks.push(
      resource(
        "aws_security_group",
        context.label(owner),
        {
          name: context.awsName(owner, 255, "sg"),
          description: securityDescription(`Archway ${owner.kind} ${context.nameOf(owner).base}`),
          vpc_id: ref("aws_vpc.main.id"),
          tags: object({ Name: context.awsName(owner, 255, "sg"), Component: tagValue(owner.name, owner.id) }),
        },
        [context.describe(owner)],
      ),
    );
  }

  for (const owner of owners) {
    const ports = context.listeningPorts(owner);
    const peers = context.peersInto(owner);
    let index = 0;
    for (const peer of peers) {
      if (peer.type === "cloudfront") usesCloudFront = true;
      for (const port of ports) {
        index += 1;
        blocks.push(
          resource("aws_vpc_security_group_ingress_rule", context.label(owner, `ingress_${index}`), {
            security_group_id: context.securityGroup(owner),
            description: securityDescription(`From ${peerName(context, peer)} on ${port}`),
            ip_protocol: "tcp",
            from_port: port,
            to_port: port,
            ...peerSource(context, peer),
          }),
        );
        if (peer.type === "security-group") {
          const rules = egress.get(peer.component.id) ?? [];
          rules.push({
            description: securityDescription(`To ${context.nameOf(owner).base} on ${port}`),
            ip_protocol: "tcp",
            from_port: port,
            to_port: port,
            referenced_security_group_id: context.securityGroup(owner),
          });
          egress.set(peer.component.id, rules);
        }
      }
    }
  }

  for (const owner of owners) {
    const rules = [...(egress.get(owner.id) ?? [])];
    if (owner.kind === "service" || owner.kind === "worker") {
      rules.push({ description: "HTTPS to AWS APIs and registries through NAT", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" });
    }
    rules.forEach((rule, index) => {
      blocks.push(
        resource("aws_vpc_security_group_egress_rule", context.label(owner, `egress_${index + 1}`), {
          security_group_id: context.securityGroup(owner),
          ...rule,
        }),
      );
    });
  }

  if (usesCloudFront) {
    blocks.unshift(
      dataSource("aws_ec2_managed_prefix_list", "cloudfront", { name: "com.amazonaws.global.cloudfront.origin-facing" }, [
        "CloudFront's origin-facing addresses: a load balancer behind a CDN admits only these.",
      ]),
    );
  }
  return blocks;
}

export function networkSection(context: TerraformContext): TerraformSection {
  const notes =
    context.platform === "eks" && context.workloads().length > 0
      ? ["On EKS the workload security groups reach pods through the VPC CNI's security groups for pods (a SecurityGroupPolicy per workload)."]
      : [];
  const plan = networkPlanOf(context.design);
  return { blocks: [...vpcBlocks(context), ...securityGroupBlocks(context)], notes: [...plan.notes, ...notes], variables: subnetVariables(plan) };
}
