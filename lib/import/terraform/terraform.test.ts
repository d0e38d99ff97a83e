import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Design } from "../../model";
import { callsByName, componentNamed } from "@/tests/helpers/imported-design";
import { detectFormat, importFiles } from "../index";
import { terraformImporter } from "./index";

const FIXTURES = join(__dirname, "../../../tests/fixtures/import/terraform");
const fixture = (folder: string) => readdirSync(join(FIXTURES, folder)).sort().map((file) => ({ path: `${folder}/${file}`, text: readFileSync(join(FIXTURES, folder, file), "utf8") }));

function zoneName(design: Design, id: string | undefined): string | undefined {
  return design.zones.find((zone) => zone.id === id)?.name;
}

describe("Terraform importer on a shop: VPC over three zones, ALB with path rules, ECS, RDS, ElastiCache", () => {
  const result = terraformImporter.read(fixture("shop"), { name: "Shop" });
  const design = result.design;

  it("detects .tf files ahead of every other format", () => {
    expect(detectFormat(fixture("shop"))).toBe("terraform");
    expect(importFiles(fixture("shop")).format).toBe("terraform");
  });

  it("maps the resources people draw, and takes an ECS service nothing can reach for a worker", () => {
    expect(design.components.map((candidate) => `${candidate.kind} ${candidate.name}`).sort()).toEqual([
      "cache sessions",
      "client Users",
      "database orders-db",
      "load-balancer shop-public",
      "queue shop-emails",
      "service orders",
      "service storefront",
      "worker mailer",
    ]);
  });

  it("connects listener → target group → service with path rules, security groups, and environment references", () => {
    expect(callsByName(design)).toEqual([
      "Users -> shop-public",
      "orders -> orders-db",
      "orders -> shop-emails",
      "shop-emails -> mailer",
      "shop-public -> orders /api/orders/*",
      "shop-public -> storefront",
      "storefront -> sessions",
      "storefront -> shop-public",
    ]);
  });

  it("makes zones of the VPC, its availability zones and public or private subnets", () => {
    const zones = design.zones.map((zone) => `${zone.kind} ${zone.name} in ${zoneName(design, zone.parentId) ?? "-"}`).sort();
    expect(zones).toEqual([
      "availability-zone eu-west-1a in shop-vpc",
      "availability-zone eu-west-1b in shop-vpc",
      "availability-zone eu-west-1c in shop-vpc",
      "private-subnet private-a in eu-west-1a",
      "private-subnet private-b in eu-west-1b",
      "private-subnet private-c in eu-west-1c",
      "public-subnet public-a in eu-west-1a",
      "public-subnet public-b in eu-west-1b",
      "public-subnet public-c in eu-west-1c",
      "vpc shop-vpc in -",
    ]);
    expect(design.zones.find((zone) => zone.kind === "vpc")?.cidr).toBe("10.20.0.0/16");
    expect(zoneName(design, componentNamed(design, "shop-public").zoneId)).toBe("public-a");
    expect(zoneName(design, componentNamed(design, "orders").zoneId)).toBe("private-a");
    expect(zoneName(design, componentNamed(design, "orders-db").zoneId)).toBe("private-a");
  });

  it("carries Multi-AZ, backups, replicas, autoscaling bounds, health checks and timeouts", () => {
    expect(componentNamed(design, "orders-db").config).toMatchObject({ engine: "postgres", engineVersion: "16.3", multiAz: true, backupRetentionDays: 14, readReplicas: 1, instanceClass: "db.r6g.large", allocatedStorageGb: 100 });
    expect(componentNamed(design, "sessions").config).toMatchObject({ engine: "redis", engineVersion: "7.1", replicas: 2, automaticFailover: true, nodeType: "cache.r6g.large" });
    expect(componentNamed(design, "orders").config).toMatchObject({ port: 9000, replicas: 2, autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 8, cpuTargetPercent: 60 } });
    expect(componentNamed(design, "storefront").config).toMatchObject({ port: 8080, replicas: 3, autoscaling: { enabled: false } });
    expect(componentNamed(design, "shop-public").config).toMatchObject({
      scheme: "internet-facing",
      listenerPort: 443,
      tls: true,
      httpsRedirect: true,
      idleTimeoutSeconds: 120,
      healthCheck: { path: "/healthz", intervalSeconds: 15, timeoutSeconds: 4, healthyThreshold: 3, unhealthyThreshold: 2 },
    });
    expect(componentNamed(design, "shop-emails").config).toMatchObject({ deadLetterQueue: true, maxReceiveCount: 5, visibilityTimeoutSeconds: 60 });
  });

  it("lists modules, data sources and unmapped resources with file, line and reason", () => {
    expect(result.unmapped.map((item) => `${item.file}:${item.line} ${item.item}`)).toEqual([
      "shop/compute.tf:1 aws_ecs_cluster.main",
      "shop/compute.tf:107 aws_iam_role.task",
      "shop/data.tf:53 aws_sqs_queue.emails_dlq",
      "shop/network.tf:137 module.bastion",
      "shop/network.tf:142 data.aws_caller_identity.current",
    ]);
    expect(result.unmapped.find((item) => item.item === "module.bastion")?.reason).toContain("not fetched");
    expect(design.description).toContain("5 items were not mapped");
  });

  it("gives the same design whatever order the files come in", () => {
    expect(terraformImporter.read([...fixture("shop")].reverse(), { name: "Shop" })).toEqual(result);
  });
});

describe("Terraform importer on a `terraform show -json` plan", () => {
  const result = terraformImporter.read(fixture("plan"), {});
  const design = result.design;

  it("detects the plan and reads its references", () => {
    expect(detectFormat(fixture("plan"))).toBe("terraform");
    expect(design.components.map((candidate) => `${candidate.kind} ${candidate.name}`).sort()).toEqual([
      "api-gateway thumbnails-api",
      "client Users",
      "nosql-database image-catalog",
      "object-storage images",
      "observability CloudWatch",
      "queue resize-jobs",
      "service upload-handler",
      "worker resize-worker",
    ]);
    expect(callsByName(design)).toEqual([
      "Users -> thumbnails-api",
      "resize-jobs -> resize-worker",
      "resize-worker -> image-catalog",
      "resize-worker -> images",
      "thumbnails-api -> upload-handler /uploads",
      "upload-handler -> images",
      "upload-handler -> resize-jobs",
    ]);
  });

  it("takes settings from planned values", () => {
    expect(componentNamed(design, "image-catalog").config).toMatchObject({ engine: "dynamodb", pointInTimeRecovery: true, encryptionAtRest: true });
    expect(componentNamed(design, "resize-jobs").config).toMatchObject({ visibilityTimeoutSeconds: 720, retentionDays: 4, encryption: true, deadLetterQueue: false });
    expect(componentNamed(design, "CloudWatch").config).toMatchObject({ logRetentionDays: 14 });
    const integration = design.connections.find((connection) => connection.target === componentNamed(design, "upload-handler").id);
    expect(integration?.timeoutMs).toBe(29000);
    expect(result.unmapped.map((item) => item.item)).toEqual(["aws_kms_key.images"]);
  });

  it("reads a state file, finding references by matching ids and ARNs", () => {
    const state = {
      format_version: "1.0",
      terraform_version: "1.10.0",
      values: {
        root_module: {
          resources: [
            { address: "aws_sqs_queue.jobs", mode: "managed", type: "aws_sqs_queue", name: "jobs", values: { name: "jobs", arn: "arn:aws:sqs:eu-west-1:123456789012:jobs", id: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs" } },
            { address: "aws_lambda_function.worker", mode: "managed", type: "aws_lambda_function", name: "worker", values: { function_name: "jobs-worker", arn: "arn:aws:lambda:eu-west-1:123456789012:function:jobs-worker" } },
            { address: "aws_lambda_event_source_mapping.worker", mode: "managed", type: "aws_lambda_event_source_mapping", name: "worker", values: { event_source_arn: "arn:aws:sqs:eu-west-1:123456789012:jobs", function_name: "arn:aws:lambda:eu-west-1:123456789012:function:jobs-worker" } },
          ],
        },
      },
    };
    const imported = terraformImporter.read([{ path: "terraform.tfstate.json", text: JSON.stringify(state) }], {}).design;
    expect(callsByName(imported)).toEqual(["jobs -> jobs-worker"]);
    expect(componentNamed(imported, "jobs-worker").kind).toBe("worker");
  });
});
