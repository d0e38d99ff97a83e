import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { parseDesign, type Design } from "@/lib/model";
import { fixtureDesigns } from "./support/designs";
import { checkTerraform, type ParsedTerraform } from "./support/terraform-schema";

type Body = Record<string, any>;

/** Every declared block of one type across all files, by label. */
function blocksOf(parsed: ParsedTerraform, kind: "resource" | "data", type: string): Record<string, Body> {
  const found: Record<string, Body> = {};
  for (const document of parsed.files.values()) {
    for (const [label, bodies] of Object.entries(((document as Body)[kind]?.[type] ?? {}) as Record<string, Body[]>)) found[label] = bodies[0];
  }
  return found;
}

const fixtures = fixtureDesigns();
const byName = (name: string): Design => (fixtures.find((fixture) => fixture.name === name) as { design: Design }).design;
const parsedFixtures = new Map<string, ParsedTerraform>();

beforeAll(async () => {
  for (const { name, design } of fixtures) parsedFixtures.set(name, await checkTerraform(generate(design, "terraform")));
});

describe("terraform generator", () => {
  it.each(fixtures.map((fixture) => fixture.name))("%s: every file parses and matches the hashicorp/aws 6.25 schema", (name) => {
    expect(parsedFixtures.get(name)?.problems).toEqual([]);
  });

  it("pins the provider version the schema data comes from and has the fixed files", () => {
    const files = generate(byName("api-gateway-ecs"), "terraform");
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining(["versions.tf", "variables.tf", "outputs.tf", "network.tf", "traffic.tf", "compute.tf", "data.tf", "messaging.tf", "observability.tf"]),
    );
    const versions = parsedFixtures.get("api-gateway-ecs")?.files.get("versions.tf") as Body;
    expect(versions.terraform[0].required_providers[0].aws).toEqual({ source: "hashicorp/aws", version: "~> 6.25" });
  });

  it("spreads public and private subnets over at least two availability zones", () => {
    const parsed = parsedFixtures.get("eks-web-app") as ParsedTerraform;
    const variables = (parsed.files.get("variables.tf") as Body).variable;
    expect(variables.availability_zones[0].default.length).toBeGreaterThanOrEqual(2);
    expect(variables.availability_zones[0].default).toEqual(["us-east-1a", "us-east-1b"]);
    const subnets = blocksOf(parsed, "resource", "aws_subnet");
    expect(Object.keys(subnets).sort()).toEqual(["private", "public"]);
    expect(subnets.private.count).toBe("${length(var.private_subnet_cidrs)}");
    expect(variables.private_subnet_zones[0].default).toEqual(["us-east-1a", "us-east-1b"]);
    expect(subnets.private.map_public_ip_on_launch).toBe(false);
    expect(blocksOf(parsed, "resource", "aws_nat_gateway").main.count).toBe("${length(var.availability_zones)}");
  });

  it("lets a database admit only its callers' security groups on its port", () => {
    const parsed = parsedFixtures.get("eks-web-app") as ParsedTerraform;
    const ingress = Object.values(blocksOf(parsed, "resource", "aws_vpc_security_group_ingress_rule"));
    const into = (group: string) => ingress.filter((rule) => rule.security_group_id === `\${aws_security_group.${group}.id}`);
    expect(into("postgresql")).toEqual([
      expect.objectContaining({ referenced_security_group_id: "${aws_security_group.backend_api.id}", from_port: 5432, to_port: 5432, ip_protocol: "tcp" }),
    ]);
    expect(into("redis_cache")).toEqual([expect.objectContaining({ referenced_security_group_id: "${aws_security_group.backend_api.id}", from_port: 6379 })]);
    expect(into("backend_api").map((rule) => rule.referenced_security_group_id)).toEqual(["${aws_security_group.public_alb.id}"]);
    expect(into("public_alb").every((rule) => rule.prefix_list_id === "${data.aws_ec2_managed_prefix_list.cloudfront.id}")).toBe(true);
    expect(ingress.filter((rule) => rule.cidr_ipv4 === "0.0.0.0/0")).toEqual([]);
    const egress = Object.values(blocksOf(parsed, "resource", "aws_vpc_security_group_egress_rule"));
    expect(egress).toContainEqual(expect.objectContaining({ security_group_id: "${aws_security_group.backend_api.id}", referenced_security_group_id: "${aws_security_group.postgresql.id}", from_port: 5432 }));
  });

  it("builds the edge of 003: Route 53 alias, CloudFront with the WAF's managed rules, HTTPS only", () => {
    const parsed = parsedFixtures.get("eks-web-app") as ParsedTerraform;
    expect(blocksOf(parsed, "resource", "aws_route53_zone").route_53.name).toBe("shop.example.com");
    const record = blocksOf(parsed, "resource", "aws_route53_record").route_53_1_a;
    expect(record.alias[0]).toEqual({ name: "${aws_cloudfront_distribution.cloud_front.domain_name}", zone_id: "${aws_cloudfront_distribution.cloud_front.hosted_zone_id}", evaluate_target_health: true });
    const acl = blocksOf(parsed, "resource", "aws_wafv2_web_acl").edge_waf;
    expect(acl.scope).toBe("CLOUDFRONT");
    expect(acl.region).toBe("us-east-1");
    const managed = acl.rule.filter((rule: Body) => rule.statement[0].managed_rule_group_statement).map((rule: Body) => rule.statement[0].managed_rule_group_statement[0]);
    expect(managed).toEqual([
      { name: "AWSManagedRulesCommonRuleSet", vendor_name: "AWS" },
      { name: "AWSManagedRulesKnownBadInputsRuleSet", vendor_name: "AWS" },
      { name: "AWSManagedRulesSQLiRuleSet", vendor_name: "AWS" },
    ]);
    const distribution = blocksOf(parsed, "resource", "aws_cloudfront_distribution").cloud_front;
    expect(distribution.web_acl_id).toBe("${aws_wafv2_web_acl.edge_waf.arn}");
    expect(distribution.default_cache_behavior[0].viewer_protocol_policy).toBe("redirect-to-https");
    expect(distribution.origin[0].custom_origin_config[0].origin_protocol_policy).toBe("https-only");
  });

  it("gives the ALB target groups the design's health checks, an HTTPS listener and an HTTP redirect", () => {
    const parsed = parsedFixtures.get("api-gateway-ecs") as ParsedTerraform;
    const groups = blocksOf(parsed, "resource", "aws_lb_target_group");
    expect(groups.auth_alb_tg_1.health_check[0]).toEqual(
      expect.objectContaining({ path: "/health", interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3 }),
    );
    expect(groups.auth_alb_tg_1.port).toBe(3000);
    const listeners = blocksOf(parsed, "resource", "aws_lb_listener");
    expect(listeners.auth_alb_main).toEqual(expect.objectContaining({ protocol: "HTTPS", port: 443, ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }));
    expect(listeners.auth_alb_http_redirect.default_action[0]).toEqual({ type: "redirect", redirect: [{ port: "443", protocol: "HTTPS", status_code: "HTTP_301" }] });
    expect(blocksOf(parsed, "resource", "aws_lb").auth_alb.internal).toBe(true);
  });

  it("routes the HTTP API through a VPC link to the private load balancers (004)", () => {
    const parsed = parsedFixtures.get("api-gateway-ecs") as ParsedTerraform;
    expect(Object.keys(blocksOf(parsed, "resource", "aws_apigatewayv2_vpc_link"))).toEqual(["shared_http_api"]);
    const integrations = Object.values(blocksOf(parsed, "resource", "aws_apigatewayv2_integration"));
    expect(integrations.map((integration) => [integration.connection_type, integration.integration_uri])).toEqual([
      ["VPC_LINK", "${aws_lb_listener.auth_alb_main.arn}"],
      ["VPC_LINK", "${aws_lb_listener.finance_alb_main.arn}"],
    ]);
    expect(Object.values(blocksOf(parsed, "resource", "aws_apigatewayv2_route")).map((route) => route.route_key)).toEqual([
      "ANY /auth/{proxy+}",
      "ANY /finance/{proxy+}",
    ]);
    const stage = blocksOf(parsed, "resource", "aws_apigatewayv2_stage").shared_http_api;
    expect(stage.default_route_settings[0]).toEqual({ throttling_burst_limit: 5000, throttling_rate_limit: 10000 });
  });

  it("runs services on ECS Fargate with autoscaling, or on EKS when the design says so", () => {
    const ecs = parsedFixtures.get("api-gateway-ecs") as ParsedTerraform;
    expect(Object.keys(blocksOf(ecs, "resource", "aws_ecs_service")).sort()).toEqual(["auth", "finance", "report_builder"]);
    expect(blocksOf(ecs, "resource", "aws_appautoscaling_target").finance).toEqual(expect.objectContaining({ min_capacity: 2, max_capacity: 10 }));
    expect(blocksOf(ecs, "resource", "aws_appautoscaling_policy").finance_cpu.target_tracking_scaling_policy_configuration[0].target_value).toBe(70);
    expect(blocksOf(ecs, "resource", "aws_ecs_service").finance.network_configuration[0].assign_public_ip).toBe(false);
    const eks = parsedFixtures.get("eks-web-app") as ParsedTerraform;
    expect(Object.keys(blocksOf(eks, "resource", "aws_eks_cluster"))).toEqual(["main"]);
    expect(blocksOf(eks, "resource", "aws_eks_node_group").main.scaling_config[0].min_size).toBe(2);
    expect(blocksOf(eks, "resource", "aws_ecs_service")).toEqual({});
  });

  it("makes RDS Multi-AZ, backed up, encrypted and private; ElastiCache failing over with encryption", () => {
    const parsed = parsedFixtures.get("eks-web-app") as ParsedTerraform;
    expect(blocksOf(parsed, "resource", "aws_db_instance").postgresql).toEqual(
      expect.objectContaining({
        engine: "postgres",
        engine_version: "15.4",
        multi_az: true,
        backup_retention_period: 7,
        storage_encrypted: true,
        publicly_accessible: false,
        manage_master_user_password: true,
        deletion_protection: true,
      }),
    );
    expect(blocksOf(parsed, "resource", "aws_db_instance").postgresql).not.toHaveProperty("password");
    expect(blocksOf(parsed, "resource", "aws_elasticache_replication_group").redis_cache).toEqual(
      expect.objectContaining({ automatic_failover_enabled: true, multi_az_enabled: true, transit_encryption_enabled: true, at_rest_encryption_enabled: "true" }),
    );
  });

  it("gives SQS a dead-letter queue and S3 blocked public access, encryption and versioning", () => {
    const parsed = parsedFixtures.get("api-gateway-ecs") as ParsedTerraform;
    const queues = blocksOf(parsed, "resource", "aws_sqs_queue");
    expect(queues.order_events.redrive_policy.replace(/\s+/g, " ")).toBe("${jsonencode({ deadLetterTargetArn = aws_sqs_queue.order_events_dlq.arn maxReceiveCount = 3 })}");
    expect(queues.order_events_dlq.message_retention_seconds).toBe(14 * 86_400);
    expect(blocksOf(parsed, "resource", "aws_s3_bucket_public_access_block").report_uploads).toEqual(
      expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
    );
    expect(blocksOf(parsed, "resource", "aws_s3_bucket_versioning").report_uploads.versioning_configuration[0].status).toBe("Enabled");
    expect(blocksOf(parsed, "resource", "aws_s3_bucket_server_side_encryption_configuration").report_uploads.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm).toBe("AES256");
  });

  it("alarms at the seeds' thresholds and logs every workload", () => {
    const parsed = parsedFixtures.get("api-gateway-ecs") as ParsedTerraform;
    const alarms = blocksOf(parsed, "resource", "aws_cloudwatch_metric_alarm");
    expect(alarms.finance_cpu_high_alarm).toEqual(expect.objectContaining({ metric_name: "CPUUtilization", threshold: 70, period: 300 }));
    expect(alarms.auth_alb_error_rate_alarm.threshold).toBe(5);
    expect(alarms.auth_alb_latency_p95_alarm).toEqual(expect.objectContaining({ extended_statistic: "p95", threshold: 0.5 }));
    expect(alarms.order_events_dead_letters_alarm.threshold).toBe(0);
    expect(Object.keys(blocksOf(parsed, "resource", "aws_cloudwatch_log_group"))).toEqual(expect.arrayContaining(["auth_logs", "finance_logs", "report_builder_logs"]));
  });

  it("leaves data stores drawn in a Kubernetes namespace to the cluster", () => {
    const parsed = parsedFixtures.get("ingress-namespace") as ParsedTerraform;
    expect(blocksOf(parsed, "resource", "aws_db_instance")).toEqual({});
    expect(blocksOf(parsed, "resource", "aws_elasticache_replication_group")).toEqual({});
  });

  it("keeps hostile names in string literals", async () => {
    const result = parseDesign({
      schemaVersion: 1,
      name: 'Evil ${file("/etc/passwd")} "x" %{ if true }',
      components: [
        { id: "api", kind: "api-gateway", name: '"\n}\nresource "aws_iam_user" "pwn" {\n', position: { x: 0, y: 0 } },
        { id: "svc", kind: "service", name: "${aws_iam_user.pwn.arn}", position: { x: 0, y: 0 }, config: { probes: { livenessPath: '/h"; rm -rf / #' } } },
      ],
      connections: [{ id: "c", source: "api", target: "svc", timeoutMs: 1000 }],
    });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    const parsed = await checkTerraform(generate(result.design, "terraform"));
    expect(parsed.problems).toEqual([]);
    expect(blocksOf(parsed, "resource", "aws_iam_user")).toEqual({});
    expect(blocksOf(parsed, "resource", "aws_apigatewayv2_api").resource_aws_iam_user_pwn.description).toBe('"\n}\nresource "aws_iam_user" "pwn" {\n');
    const versions = parsed.files.get("versions.tf") as Body;
    expect(versions.provider.aws[0].default_tags[0].tags.Project).toBe("Evil file /etc/passwd x if true");
  });
});
