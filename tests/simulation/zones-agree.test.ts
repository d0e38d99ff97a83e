import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { designBuilder } from "@/tests/helpers/design-builder";
import { workloadMultiAz } from "@/lib/rules/workload-multi-az";
import { simulate } from "@/lib/simulation";
import type { Design } from "@/lib/model";
import { checkKubernetes } from "../generators/support/kubernetes-schema";
import { checkTerraform, type ParsedTerraform } from "../generators/support/terraform-schema";

type Body = Record<string, any>;

/** The standard AWS picture: a VPC with two availability zones, a public and a private subnet in each. */
function twoZones(alsoIn: string[] | undefined, zone = "app-a"): Design {
  return designBuilder()
    .zone("region", "region", { code: "us-east-1" })
    .zone("vpc", "vpc", { parent: "region", cidr: "10.20.0.0/16" })
    .zone("availability-zone", "az-a", { parent: "vpc", name: "Zone A", code: "us-east-1a" })
    .zone("availability-zone", "az-b", { parent: "vpc", name: "Zone B", code: "us-east-1b" })
    .zone("public-subnet", "edge-a", { parent: "az-a", cidr: "10.20.0.0/24" })
    .zone("public-subnet", "edge-b", { parent: "az-b", cidr: "10.20.1.0/24" })
    .zone("private-subnet", "app-a", { parent: "az-a", name: "App A", cidr: "10.20.10.0/24" })
    .zone("private-subnet", "app-b", { parent: "az-b", name: "App B", cidr: "10.20.11.0/24" })
    .zone("private-subnet", "app-vpc", { parent: "vpc", name: "App (all zones)" })
    .component("client", "web", { config: { requestsPerSecond: 100 } })
    .component("load-balancer", "lb", { zone: "edge-a" })
    .component("service", "orders", { name: "Orders", zone, ...(alsoIn ? { alsoIn } : {}), config: { replicas: 2, autoscaling: { enabled: false } } })
    .connect("web", "lb")
    .connect("lb", "orders")
    .build();
}

/** What the three readers say about Orders. */
async function verdicts(design: Design) {
  const flagged = workloadMultiAz.check(design).some((finding) => finding.targetId === "orders");
  const drill = simulate(design, { failures: [{ type: "zone", zoneId: "az-a" }] }).components.orders.status !== "failed";
  const parsed: ParsedTerraform = await checkTerraform(generate(design, "terraform"));
  expect(parsed.problems).toEqual([]);
  const compute = parsed.files.get("compute.tf") as Body;
  const variables = (parsed.files.get("variables.tf") as Body).variable;
  const service = Object.values(compute.resource.aws_ecs_service as Record<string, Body[]>)[0][0];
  const subnets = service.network_configuration[0].subnets;
  const zones: string[] = variables.private_subnet_zones[0].default;
  const cidrs: string[] = variables.private_subnet_cidrs[0].default;
  // Either every private subnet, or the listed ones: read back the zones those subnets are in.
  const indexes = subnets === "${aws_subnet.private[*].id}" ? zones.map((_, index) => index) : (subnets as string[]).map((ref) => Number(ref.match(/private\[(\d+)\]/)?.[1]));
  const kubernetes = checkKubernetes(generate(design, "kubernetes"));
  expect(kubernetes.problems).toEqual([]);
  const pod = (kubernetes.documents.find((document) => document.object.kind === "Deployment")?.object as Body).spec.template.spec;
  const kubernetesZones = pod.affinity?.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values ?? "any";
  return {
    flagged,
    survivesZoneA: drill,
    terraformZones: [...new Set(indexes.map((index) => zones[index]))].sort(),
    subnetCidrs: indexes.map((index) => cidrs[index]),
    kubernetesZones,
    kubernetesSpread: pod.topologySpreadConstraints !== undefined,
  };
}

describe("rules, the zone drill, Terraform and Kubernetes read one answer to which zones a workload runs in", () => {
  let results: Record<string, Awaited<ReturnType<typeof verdicts>>>;
  beforeAll(async () => {
    results = {
      single: await verdicts(twoZones(undefined)),
      both: await verdicts(twoZones(["app-b"])),
      acrossVpc: await verdicts(twoZones(undefined, "app-vpc")),
    };
  });

  it("a service drawn in one zone is a single-zone risk, goes down with that zone and gets that zone's subnet", () => {
    expect(results.single).toEqual({
      flagged: true,
      survivesZoneA: false,
      terraformZones: ["us-east-1a"],
      subnetCidrs: ["10.20.10.0/24"],
      kubernetesZones: ["us-east-1a"],
      kubernetesSpread: false,
    });
  });

  it("the same service also placed in the second zone's private subnet passes, survives and gets both drawn subnets", () => {
    expect(results.both).toEqual({
      flagged: false,
      survivesZoneA: true,
      terraformZones: ["us-east-1a", "us-east-1b"],
      subnetCidrs: ["10.20.10.0/24", "10.20.11.0/24"],
      kubernetesZones: ["us-east-1a", "us-east-1b"],
      kubernetesSpread: true,
    });
  });

  it("a service drawn in a subnet spanning the VPC runs in every zone when spread", () => {
    expect(results.acrossVpc).toMatchObject({ flagged: false, survivesZoneA: true, terraformZones: ["us-east-1a", "us-east-1b"], kubernetesZones: "any", kubernetesSpread: true });
  });

  it("a single-AZ database drawn in one zone gets that zone in Terraform; a Multi-AZ one lets RDS choose", async () => {
    const zoneOf = async (multiAz: boolean) => {
      const design = designBuilder()
        .zone("vpc", "vpc")
        .zone("availability-zone", "az-b", { parent: "vpc", code: "us-east-1b" })
        .zone("private-subnet", "data-b", { parent: "az-b" })
        .component("database", "db", { zone: "data-b", config: { multiAz } })
        .build();
      const parsed = await checkTerraform(generate(design, "terraform"));
      expect(parsed.problems).toEqual([]);
      const data = parsed.files.get("data.tf") as Body;
      return (Object.values(data.resource.aws_db_instance as Record<string, Body[]>)[0][0] as Body).availability_zone;
    };
    expect(await zoneOf(false)).toBe("us-east-1b");
    expect(await zoneOf(true)).toBeUndefined();
  });
});
