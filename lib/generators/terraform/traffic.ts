import { cite, type Component, type ComponentOf, type Connection } from "../../model";
import { boundedName } from "../naming";
import { output, resource, variable } from "./blocks";
import { tagValue, type TerraformContext, type TerraformSection } from "./context";
import { dnsNamesFor } from "./edge";
import { call, nested, object, ref, type HclBlock, type HclValue } from "./hcl";

/** A target group: one load balancer forwarding to one service. */
export interface TargetGroup {
  loadBalancer: ComponentOf<"load-balancer">;
  service: ComponentOf<"service">;
  label: string;
  pathPattern: string;
}

function pathPattern(context: TerraformContext, loadBalancer: Component, service: Component): string {
  const connection = context.callsFrom(loadBalancer.id).find((candidate) => candidate.target === service.id);
  const prefix = connection?.pathPrefix;
  if (prefix === undefined) return `/${context.nameOf(service).base}/*`;
  return prefix.endsWith("*") ? prefix : `${prefix.replace(/\/$/, "")}/*`;
}

/** Every load balancer → service pair, in design order; compute.tf registers the services in them. */
export function targetGroups(context: TerraformContext): TargetGroup[] {
  return context.ofKind("load-balancer").flatMap((loadBalancer) =>
    context
      .effectiveTargets(loadBalancer)
      .filter((target): target is ComponentOf<"service"> => target.kind === "service")
      .map((service, index) => ({
        loadBalancer,
        service,
        label: context.label(loadBalancer, `tg_${index + 1}`),
        pathPattern: pathPattern(context, loadBalancer, service),
      })),
  );
}

/** The listener that serves traffic: HTTPS when the load balancer terminates TLS. */
export function mainListener(context: TerraformContext, loadBalancer: Component): string {
  return `aws_lb_listener.${context.label(loadBalancer, "main")}`;
}

/**
 * An application load balancer per load-balancer component (003 "2. Application Load Balancer (ALB)"):
 * target groups whose health checks come from the design, an HTTPS listener with a TLS 1.3 policy and an
 * ACM certificate, path rules for further services, and HTTP redirected to HTTPS.
 */
function loadBalancerBlocks(context: TerraformContext, groups: TargetGroup[]): HclBlock[] {
  const blocks: HclBlock[] = [];
  for (const loadBalancer of context.ofKind("load-balancer")) {
    const label = context.label(loadBalancer);
    const config = loadBalancer.config;
    const internal = config.scheme === "internal";
    blocks.push(
      resource(
        "aws_lb",
        label,
        {
          name: context.awsName(loadBalancer, 32),
          internal,
          load_balancer_type: "application",
          security_groups: [context.securityGroup(loadBalancer)],
          subnets: ref(internal ? "aws_subnet.private.*.id" : "aws_subnet.public.*.id"),
          idle_timeout: config.idleTimeoutSeconds,
          enable_cross_zone_load_balancing: config.crossZone,
          drop_invalid_header_fields: true,
          enable_deletion_protection: true,
          tags: object({ Component: tagValue(loadBalancer.name, loadBalancer.id) }),
        },
        [context.describe(loadBalancer), context.cite(cite("003", "2. Application Load Balancer (ALB)"))],
      ),
    );
    const own = groups.filter((group) => group.loadBalancer.id === loadBalancer.id);
    for (const group of own) {
      const health = config.healthCheck;
      blocks.push(
        resource(
          "aws_lb_target_group",
          group.label,
          {
            name: boundedName(`${context.project}-${context.nameOf(loadBalancer).base}-${context.nameOf(group.service).base}`, 32),
            port: group.service.config.port,
            protocol: "HTTP",
            target_type: "ip",
            vpc_id: ref("aws_vpc.main.id"),
            load_balancing_algorithm_type: config.algorithm === "least-connections" ? "least_outstanding_requests" : "round_robin",
            deregistration_delay: "30",
            health_check: nested({
              enabled: health.enabled,
              path: health.path,
              protocol: "HTTP",
              port: "traffic-port",
              matcher: "200-399",
              interval: health.intervalSeconds,
              timeout: health.timeoutSeconds,
              healthy_threshold: health.healthyThreshold,
              unhealthy_threshold: health.unhealthyThreshold,
            }),
            tags: object({ Component: tagValue(group.service.name, group.service.id) }),
          },
          [
            `"${loadBalancer.name}" → "${group.service.name}". TLS ends at the load balancer; targets speak HTTP inside the VPC.`,
            context.cite(cite("003", "2. Application Load Balancer (ALB)")) + ": health checks every 30 s, timeout 5 s, healthy 2, unhealthy 3 by default.",
          ],
        ),
      );
    }
    const [first, ...rest] = own;
    const defaultAction = first
      ? nested({ type: "forward", target_group_arn: ref(`aws_lb_target_group.${first.label}.arn`) })
      : nested({ type: "fixed-response", fixed_response: nested({ content_type: "text/plain", message_body: "Not found", status_code: "404" }) });
    blocks.push(
      resource(
        "aws_lb_listener",
        context.label(loadBalancer, "main"),
        config.tls
          ? {
              load_balancer_arn: ref(`aws_lb.${label}.arn`),
              port: config.listenerPort,
              protocol: "HTTPS",
              ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
              certificate_arn: ref("var.certificate_arn"),
              default_action: defaultAction,
            }
          : { load_balancer_arn: ref(`aws_lb.${label}.arn`), port: config.listenerPort, protocol: "HTTP", default_action: defaultAction },
        config.tls ? ["HTTPS with TLS 1.2 and 1.3 only (003 ALB → SSL/TLS: Protocols TLSv1.2, TLSv1.3)."] : [],
      ),
    );
    rest.forEach((group, index) => {
      blocks.push(
        resource("aws_lb_listener_rule", group.label, {
          listener_arn: ref(`${mainListener(context, loadBalancer)}.arn`),
          priority: (index + 1) * 10,
          action: nested({ type: "forward", target_group_arn: ref(`aws_lb_target_group.${group.label}.arn`) }),
          condition: nested({ path_pattern: nested({ values: [group.pathPattern] }) }),
        }),
      );
    });
    if (config.tls && config.httpsRedirect && config.listenerPort !== 80) {
      blocks.push(
        resource(
          "aws_lb_listener",
          context.label(loadBalancer, "http_redirect"),
          {
            load_balancer_arn: ref(`aws_lb.${label}.arn`),
            port: 80,
            protocol: "HTTP",
            default_action: nested({
              type: "redirect",
              redirect: nested({ port: String(config.listenerPort), protocol: "HTTPS", status_code: "HTTP_301" }),
            }),
          },
          ["Redirect HTTP → HTTPS (003 ALB → SSL/TLS)."],
        ),
      );
    }
  }
  return blocks;
}

function routeKey(context: TerraformContext, connection: Connection | undefined, target: Component, single: boolean): string {
  const prefix = connection?.pathPrefix;
  if (prefix === undefined) return single ? "$default" : `ANY /${context.nameOf(target).base}/{proxy+}`;
  if (prefix.includes("{proxy+}")) return `ANY ${prefix}`;
  const base = prefix.replace(/\/?\*$/, "").replace(/\/$/, "");
  return base.length === 0 ? "$default" : `ANY ${base}/{proxy+}`;
}

/**
 * An HTTP API per API gateway, shaped like 004 "AWS API Gateway (Shared - HTTP API)": path routes, the
 * `$default` stage with auto-deploy, throttling, CORS, JWT authorisation, access logs, and a VPC link to
 * private load balancers or (on ECS) Cloud Map services when the design asks for one.
 */
function apiGatewayBlocks(context: TerraformContext, notes: string[]): { blocks: HclBlock[]; jwt: boolean } {
  const blocks: HclBlock[] = [];
  let jwt = false;
  for (const api of context.ofKind("api-gateway")) {
    const label = context.label(api);
    const config = api.config;
    const apiId = ref(`aws_apigatewayv2_api.${label}.id`);
    blocks.push(
      resource(
        "aws_apigatewayv2_api",
        label,
        {
          name: context.awsName(api, 128),
          description: api.name,
          protocol_type: "HTTP",
          cors_configuration: config.cors
            ? nested({
                allow_origins: ["*"],
                allow_methods: ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"],
                allow_headers: ["authorization", "content-type", "x-request-id"],
                max_age: 3600,
              })
            : undefined,
          tags: object({ Component: tagValue(api.name, api.id) }),
        },
        [context.describe(api), context.cite(cite("004", "AWS API Gateway (Shared - HTTP API)"))],
      ),
    );
    blocks.push(
      resource(
        "aws_cloudwatch_log_group",
        context.label(api, "access"),
        { name: `/aws/apigateway/${context.awsName(api, 200)}`, retention_in_days: logRetentionDays(context) },
        ["API access logs (004 CloudWatch: /aws/apigateway/... API Gateway logs)."],
      ),
    );
    blocks.push(
      resource(
        "aws_apigatewayv2_stage",
        label,
        {
          api_id: apiId,
          name: "$default",
          auto_deploy: true,
          default_route_settings: nested({ throttling_burst_limit: config.throttleBurst, throttling_rate_limit: config.throttleRatePerSecond }),
          access_log_settings: nested({
            destination_arn: ref(`aws_cloudwatch_log_group.${context.label(api, "access")}.arn`),
            format: call(
              "jsonencode",
              object({
                requestId: "$context.requestId",
                ip: "$context.identity.sourceIp",
                routeKey: "$context.routeKey",
                status: "$context.status",
                latencyMs: "$context.responseLatency",
                integrationError: "$context.integrationErrorMessage",
              }),
            ),
          }),
        },
        [context.cite(cite("004", "Throttling: 5000 burst, 10000/sec rate")) + "; Stage: $default (auto-deploy)."],
      ),
    );
    const authorizer = config.authentication === "jwt" || config.authentication === "oauth2";
    if (authorizer) {
      jwt = true;
      blocks.push(
        resource("aws_apigatewayv2_authorizer", label, {
          api_id: apiId,
          authorizer_type: "JWT",
          identity_sources: ["$request.header.Authorization"],
          name: "jwt",
          jwt_configuration: nested({ audience: ref("var.jwt_audience"), issuer: ref("var.jwt_issuer") }),
        }),
      );
    }
    if (config.authentication === "api-key") notes.push(`API gateway "${api.name}" (${api.id}) asks for API keys, which HTTP APIs do not support; use a JWT authorizer or a REST API.`);
    if (config.vpcLink) {
      blocks.push(
        resource(
          "aws_apigatewayv2_vpc_link",
          label,
          {
            name: context.awsName(api, 128),
            security_group_ids: [context.securityGroup(api)],
            subnet_ids: ref("aws_subnet.private.*.id"),
          },
          ["VPC Link (Shared): connects API Gateway to the private VPC (004)."],
        ),
      );
    }

    const targets = context.effectiveTargets(api);
    targets.forEach((target, index) => {
      const connection = context.callsFrom(api.id).find((candidate) => candidate.target === target.id);
      const integrationLabel = context.label(api, `integration_${index + 1}`);
      const timeout = Math.min(connection?.timeoutMs ?? 29_000, 29_000);
      let integration: Record<string, HclValue | undefined> | undefined;
      if (target.kind === "load-balancer" && config.vpcLink) {
        integration = {
          connection_type: "VPC_LINK",
          connection_id: ref(`aws_apigatewayv2_vpc_link.${label}.id`),
          integration_uri: ref(`${mainListener(context, target)}.arn`),
        };
      } else if (target.kind === "load-balancer" && target.config.scheme === "internet-facing") {
        integration = { integration_uri: call("format", `${target.config.tls ? "https" : "http"}://%s`, ref(`aws_lb.${context.label(target)}.dns_name`)) };
      } else if (target.kind === "service" && config.vpcLink && context.platform === "ecs-fargate") {
        integration = {
          connection_type: "VPC_LINK",
          connection_id: ref(`aws_apigatewayv2_vpc_link.${label}.id`),
          integration_uri: ref(`aws_service_discovery_service.${context.label(target)}.arn`),
        };
      }
      if (!integration) {
        notes.push(`API gateway "${api.name}" (${api.id}) cannot reach "${target.name}" (${target.kind}) here: route it through a load balancer, or enable the VPC link.`);
        return;
      }
      blocks.push(
        resource("aws_apigatewayv2_integration", integrationLabel, {
          api_id: apiId,
          integration_type: "HTTP_PROXY",
          integration_method: "ANY",
          ...integration,
          payload_format_version: "1.0",
          timeout_milliseconds: Math.max(50, timeout),
        }),
      );
      blocks.push(
        resource("aws_apigatewayv2_route", integrationLabel, {
          api_id: apiId,
          route_key: routeKey(context, connection, target, targets.length === 1),
          target: call("format", "integrations/%s", ref(`aws_apigatewayv2_integration.${integrationLabel}.id`)),
          authorization_type: authorizer ? "JWT" : "NONE",
          authorizer_id: authorizer ? ref(`aws_apigatewayv2_authorizer.${label}.id`) : undefined,
        }),
      );
    });

    dnsNamesFor(context, api).forEach((domainName, index) => {
      const domainLabel = context.label(api, `domain_${index + 1}`);
      blocks.push(
        resource("aws_apigatewayv2_domain_name", domainLabel, {
          domain_name: domainName,
          domain_name_configuration: nested({ certificate_arn: ref("var.certificate_arn"), endpoint_type: "REGIONAL", security_policy: "TLS_1_2" }),
        }),
        resource("aws_apigatewayv2_api_mapping", domainLabel, {
          api_id: apiId,
          domain_name: ref(`aws_apigatewayv2_domain_name.${domainLabel}.id`),
          stage: ref(`aws_apigatewayv2_stage.${label}.id`),
        }),
      );
    });
  }
  return { blocks, jwt };
}

/** CloudWatch keeps logs for one of a fixed set of day counts; take the first that covers the design's wish. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function logRetentionDays(context: TerraformContext): number {
  const wanted = context.observability()?.config.logRetentionDays ?? 30;
  return RETENTION_DAYS.find((days) => days >= wanted) ?? 3653;
}

export function trafficSection(context: TerraformContext): TerraformSection {
  const notes: string[] = [];
  const groups = targetGroups(context);
  if (context.platform === "eks" && groups.length > 0) {
    notes.push("On EKS, bind the target groups to the Kubernetes Services with the AWS Load Balancer Controller's TargetGroupBinding.");
  }
  const apis = apiGatewayBlocks(context, notes);
  const blocks = [...loadBalancerBlocks(context, groups), ...apis.blocks];
  const needsCertificate =
    context.ofKind("load-balancer").some((loadBalancer) => loadBalancer.config.tls) ||
    context.ofKind("api-gateway").some((api) => dnsNamesFor(context, api).length > 0);
  const variables: HclBlock[] = [];
  if (needsCertificate) {
    variables.push(
      variable("certificate_arn", {
        type: ref("string"),
        description: "ACM certificate for the load balancer listeners and API custom domains (003 ALB → SSL/TLS: ACM Certificate, auto-renewal).",
      }),
    );
  }
  if (apis.jwt) {
    variables.push(
      variable("jwt_issuer", { type: ref("string"), description: "Issuer URL of the identity provider whose tokens the API accepts." }),
      variable("jwt_audience", { type: call("list", ref("string")), description: "Audiences a token must carry to be accepted." }),
    );
  }
  const outputs = [
    ...context
      .ofKind("load-balancer")
      .map((loadBalancer) => output(`${context.label(loadBalancer)}_dns_name`, ref(`aws_lb.${context.label(loadBalancer)}.dns_name`), `DNS name of "${loadBalancer.name}"`)),
    ...context
      .ofKind("api-gateway")
      .map((api) => output(`${context.label(api)}_endpoint`, ref(`aws_apigatewayv2_api.${context.label(api)}.api_endpoint`), `Invoke URL of ${api.id}`)),
  ];
  return { blocks, notes, variables, outputs };
}
