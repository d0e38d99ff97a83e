import { cite, type Component, type ComponentOf } from "../../model";
import { dataSource, output, resource, variable } from "./blocks";
import { tagValue, truncateText, type TerraformContext, type TerraformSection } from "./context";
import { call, nested, object, ref, type HclBlock, type HclBody, type HclNestedBlock, type HclValue } from "./hcl";

type WebAclOwner = ComponentOf<"waf"> | ComponentOf<"rate-limiter">;

/** The record name DNS gives a target: the apex for its first target, `<name>.<domain>` for the others. */
function dnsRecordName(context: TerraformContext, dns: ComponentOf<"dns">, target: Component): string {
  const targets = context.effectiveTargets(dns);
  return targets[0]?.id === target.id ? dns.config.domain : `${context.nameOf(target).base}.${dns.config.domain}`;
}

/** DNS components whose records point at `target`, so traffic modules can add custom domains. */
export function dnsNamesFor(context: TerraformContext, target: Component): string[] {
  return context
    .ofKind("dns")
    .filter((dns) => context.effectiveTargets(dns).some((candidate) => candidate.id === target.id))
    .map((dns) => dnsRecordName(context, dns, target));
}

/**
 * Web ACLs: one per WAF. Rate limiters become a rate-based rule in every WAF of the design, or a web ACL
 * of their own when the design has no WAF (002 "Defense in Depth": rate limiting per IP at the edge).
 */
function webAclOwners(context: TerraformContext): WebAclOwner[] {
  const wafs = context.ofKind("waf");
  return wafs.length > 0 ? wafs : context.ofKind("rate-limiter");
}

/** A web ACL next to a CDN protects the distribution (CLOUDFRONT scope, us-east-1); others protect load balancers. */
function webAclScope(context: TerraformContext, owner: WebAclOwner): "CLOUDFRONT" | "REGIONAL" {
  const neighbours = [...context.effectiveCallers(owner), ...context.effectiveTargets(owner)];
  return neighbours.some((component) => component.kind === "cdn") ? "CLOUDFRONT" : "REGIONAL";
}

/** The web ACL guarding a component: the nearest upstream WAF or standalone rate limiter. */
function webAclFor(context: TerraformContext, component: Component): WebAclOwner | undefined {
  const owners = new Set(webAclOwners(context).map((owner) => owner.id));
  const visited = new Set<string>();
  const queue = [...context.callersOf(component.id)];
  while (queue.length > 0) {
    const caller = queue.shift() as Component;
    if (visited.has(caller.id)) continue;
    visited.add(caller.id);
    if (owners.has(caller.id)) return caller as WebAclOwner;
    if (caller.kind === "dns" || caller.kind === "cdn" || caller.kind === "rate-limiter" || caller.kind === "waf") queue.push(...context.callersOf(caller.id));
  }
  return undefined;
}

function visibility(metricName: string): HclNestedBlock {
  return nested({ cloudwatch_metrics_enabled: true, metric_name: metricName, sampled_requests_enabled: true });
}

function webAclBlocks(context: TerraformContext): HclBlock[] {
  const rateLimiters = context.ofKind("rate-limiter");
  const blocks: HclBlock[] = [];
  for (const owner of webAclOwners(context)) {
    const rules: HclNestedBlock[] = [];
    if (owner.kind === "waf") {
      owner.config.managedRuleGroups.forEach((group, index) => {
        rules.push(
          nested({
            name: group,
            priority: 1000 + index * 10,
            override_action: nested(owner.config.blockMode ? { none: nested({}) } : { count: nested({}) }),
            statement: nested({ managed_rule_group_statement: nested({ name: group, vendor_name: "AWS" }) }),
            visibility_config: visibility(group),
          }),
        );
      });
      rules.push(
        nested({
          name: "rate-limit-per-ip",
          priority: 0,
          action: nested(owner.config.blockMode ? { block: nested({}) } : { count: nested({}) }),
          statement: nested({
            rate_based_statement: nested({ limit: owner.config.rateLimitPerIpPer5Min, aggregate_key_type: "IP", evaluation_window_sec: 300 }),
          }),
          visibility_config: visibility("rate-limit-per-ip"),
        }),
      );
    }
    const limiters = owner.kind === "rate-limiter" ? [owner] : rateLimiters;
    limiters.forEach((limiter, index) => {
      const metric = `rate-limiter-${context.nameOf(limiter).base}`;
      rules.push(
        nested({
          name: metric,
          priority: index + 1,
          action: nested({ block: nested({}) }),
          statement: nested({
            rate_based_statement: nested({ limit: limiter.config.perIpPerMinute * 5, aggregate_key_type: "IP", evaluation_window_sec: 300 }),
          }),
          visibility_config: visibility(metric),
        }),
      );
    });
    const scope = webAclScope(context, owner);
    blocks.push(
      resource(
        "aws_wafv2_web_acl",
        context.label(owner),
        {
          name: context.awsName(owner, 128),
          region: scope === "CLOUDFRONT" ? "us-east-1" : undefined,
          scope,
          default_action: nested({ allow: nested({}) }),
          rule: rules,
          visibility_config: visibility(context.awsName(owner, 128)),
          tags: object({ Component: tagValue(owner.name, owner.id) }),
        },
        [
          context.describe(owner),
          context.cite(cite("002", "Defense in Depth")) + ": AWS managed rules for SQL injection, XSS and bad inputs, plus a rate limit per IP.",
          ...(scope === "CLOUDFRONT" ? ["CloudFront web ACLs live in us-east-1."] : []),
        ],
      ),
    );
    if (scope === "REGIONAL") {
      for (const target of context.effectiveTargets(owner)) {
        if (target.kind !== "load-balancer" || webAclFor(context, target)?.id !== owner.id) continue;
        blocks.push(
          resource("aws_wafv2_web_acl_association", context.label(target, "waf"), {
            resource_arn: ref(`aws_lb.${context.label(target)}.arn`),
            web_acl_arn: ref(`aws_wafv2_web_acl.${context.label(owner)}.arn`),
          }),
        );
      }
    }
  }
  return blocks;
}

/** An origin CloudFront can reach, or undefined for components without a public address. */
function cloudFrontOrigin(context: TerraformContext, cdn: ComponentOf<"cdn">, target: Component): HclBody | undefined {
  switch (target.kind) {
    case "load-balancer":
      if (target.config.scheme === "internal") return undefined;
      return {
        domain_name: ref(`aws_lb.${context.label(target)}.dns_name`),
        origin_id: context.nameOf(target).base,
        custom_origin_config: nested({
          http_port: 80,
          https_port: target.config.listenerPort,
          origin_protocol_policy: target.config.tls ? "https-only" : "http-only",
          origin_ssl_protocols: ["TLSv1.2"],
        }),
      };
    case "api-gateway":
      return {
        domain_name: call("replace", ref(`aws_apigatewayv2_api.${context.label(target)}.api_endpoint`), "https://", ""),
        origin_id: context.nameOf(target).base,
        custom_origin_config: nested({ http_port: 80, https_port: 443, origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] }),
      };
    case "object-storage":
      if (!context.isManaged(target)) return undefined;
      return {
        domain_name: ref(`aws_s3_bucket.${context.label(target)}.bucket_regional_domain_name`),
        origin_id: context.nameOf(target).base,
        origin_access_control_id: ref(`aws_cloudfront_origin_access_control.${context.label(cdn)}.id`),
      };
    default:
      return undefined;
  }
}

/** The targets of a CDN that CloudFront can use as origins; a CDN without any gets no distribution. */
function cloudFrontOrigins(context: TerraformContext, cdn: ComponentOf<"cdn">): { target: Component; origin: HclBody }[] {
  return context
    .effectiveTargets(cdn)
    .map((target) => ({ target, origin: cloudFrontOrigin(context, cdn, target) }))
    .filter((entry): entry is { target: Component; origin: HclBody } => entry.origin !== undefined);
}

function pathPatternFor(context: TerraformContext, target: Component): string {
  const prefix = context.callsInto(target.id).find((connection) => connection.pathPrefix !== undefined)?.pathPrefix;
  if (prefix === undefined) return `/${context.nameOf(target).base}/*`;
  return prefix.endsWith("*") ? prefix : `${prefix.replace(/\/$/, "")}/*`;
}

/**
 * A CloudFront distribution per CDN: the design's TTL in a cache policy (002 "Caching Strategy"),
 * HTTPS for viewers with a redirect from HTTP (003 ALB → SSL/TLS: Redirect HTTP → HTTPS), TLS 1.2+
 * to origins, S3 origins only through origin access control, and the WAF next to it.
 */
function distributionBlocks(context: TerraformContext, notes: string[]): { blocks: HclBlock[]; needsCertificate: boolean } {
  const blocks: HclBlock[] = [];
  let needsCertificate = false;
  let needsOriginRequestPolicy = false;
  for (const cdn of context.ofKind("cdn")) {
    const origins = cloudFrontOrigins(context, cdn);
    if (origins.length === 0) {
      notes.push(`CDN "${cdn.name}" (${cdn.id}) has no origin CloudFront can reach; connect it to a public load balancer, an API gateway or object storage.`);
      continue;
    }
    const label = context.label(cdn);
    const viewerProtocol = cdn.config.httpsRedirect ? "redirect-to-https" : cdn.config.tls ? "https-only" : "allow-all";
    const behaviour = (target: Component): HclBody => ({
      allowed_methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
      cached_methods: ["GET", "HEAD"],
      target_origin_id: context.nameOf(target).base,
      viewer_protocol_policy: viewerProtocol,
      compress: true,
      cache_policy_id: ref(`aws_cloudfront_cache_policy.${label}.id`),
      origin_request_policy_id: target.kind === "object-storage" ? undefined : ref("data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id"),
    });
    if (origins.some(({ target }) => target.kind !== "object-storage")) needsOriginRequestPolicy = true;
    const aliases = context
      .ofKind("dns")
      .filter((dns) => context.effectiveTargets(dns).some((target) => target.id === cdn.id))
      .map((dns) => dnsRecordName(context, dns, cdn));
    const acl = webAclFor(context, cdn) ?? webAclOwners(context).find((owner) => context.effectiveCallers(owner).some((caller) => caller.id === cdn.id));
    if (cdn.config.tls) needsCertificate = true;

    blocks.push(
      resource(
        "aws_cloudfront_cache_policy",
        label,
        {
          name: context.awsName(cdn, 128),
          comment: `Cache policy of ${tagValue(cdn.name, cdn.id)}`.slice(0, 128),
          default_ttl: cdn.config.defaultTtlSeconds,
          min_ttl: 0,
          max_ttl: Math.max(cdn.config.defaultTtlSeconds, 86_400),
          parameters_in_cache_key_and_forwarded_to_origin: nested({
            enable_accept_encoding_brotli: true,
            enable_accept_encoding_gzip: true,
            cookies_config: nested({ cookie_behavior: "none" }),
            headers_config: nested({ header_behavior: "none" }),
            query_strings_config: nested({ query_string_behavior: "all" }),
          }),
        },
        [context.describe(cdn), context.cite(cite("002", "Caching Strategy")) + `: edge copies live ${cdn.config.defaultTtlSeconds} s unless the origin says otherwise.`],
      ),
    );
    if (origins.some(({ target }) => target.kind === "object-storage")) {
      blocks.push(
        resource("aws_cloudfront_origin_access_control", label, {
          name: context.awsName(cdn, 64),
          origin_access_control_origin_type: "s3",
          signing_behavior: "always",
          signing_protocol: "sigv4",
        }),
      );
    }
    const [first, ...rest] = origins;
    blocks.push(
      resource("aws_cloudfront_distribution", label, {
        enabled: true,
        is_ipv6_enabled: true,
        http_version: "http2and3",
        comment: truncateText(cdn.name, 128),
        aliases: cdn.config.tls && aliases.length > 0 ? aliases : undefined,
        web_acl_id: acl && webAclScope(context, acl) === "CLOUDFRONT" ? ref(`aws_wafv2_web_acl.${context.label(acl)}.arn`) : undefined,
        origin: origins.map(({ origin }) => nested(origin)),
        default_cache_behavior: nested(behaviour(first.target)),
        ordered_cache_behavior:
          rest.length > 0 ? rest.map(({ target }) => nested({ path_pattern: pathPatternFor(context, target), ...behaviour(target) })) : undefined,
        restrictions: nested({ geo_restriction: nested({ restriction_type: "none" }) }),
        viewer_certificate: nested(
          cdn.config.tls
            ? { acm_certificate_arn: ref("var.cloudfront_certificate_arn"), ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" }
            : { cloudfront_default_certificate: true },
        ),
        tags: object({ Component: tagValue(cdn.name, cdn.id) }),
      }),
    );
  }
  if (needsOriginRequestPolicy) {
    blocks.unshift(
      dataSource("aws_cloudfront_origin_request_policy", "all_viewer_except_host", { name: "Managed-AllViewerExceptHostHeader" }, [
        "Dynamic origins get the viewer's headers, cookies and query strings, except Host.",
      ]),
    );
  }
  return { blocks, needsCertificate };
}

/** Label of the API gateway custom domain serving `recordName`; traffic.tf creates one per DNS name. */
function apiDomainLabel(context: TerraformContext, api: Component, recordName: string): string {
  return context.label(api, `domain_${dnsNamesFor(context, api).indexOf(recordName) + 1}`);
}

/** Alias target of a record: the resource DNS resolves to, or undefined when it has no public name. */
function aliasTarget(
  context: TerraformContext,
  target: Component,
  recordName: string,
): { name: HclValue; zone: HclValue; healthPath: string } | undefined {
  switch (target.kind) {
    case "cdn":
      if (cloudFrontOrigins(context, target).length === 0) return undefined;
      return {
        name: ref(`aws_cloudfront_distribution.${context.label(target)}.domain_name`),
        zone: ref(`aws_cloudfront_distribution.${context.label(target)}.hosted_zone_id`),
        healthPath: "/",
      };
    case "load-balancer":
      return {
        name: ref(`aws_lb.${context.label(target)}.dns_name`),
        zone: ref(`aws_lb.${context.label(target)}.zone_id`),
        healthPath: target.config.healthCheck.path,
      };
    case "api-gateway":
      return {
        name: ref(`aws_apigatewayv2_domain_name.${apiDomainLabel(context, target, recordName)}.domain_name_configuration.0.target_domain_name`),
        zone: ref(`aws_apigatewayv2_domain_name.${apiDomainLabel(context, target, recordName)}.domain_name_configuration.0.hosted_zone_id`),
        healthPath: "/health",
      };
    default:
      return undefined;
  }
}

function routingPolicy(dns: ComponentOf<"dns">, healthCheck: HclValue | undefined): HclBody {
  const identifier = { set_identifier: ref("var.aws_region") };
  switch (dns.config.routingPolicy) {
    case "simple":
      return {};
    case "latency":
      return { ...identifier, health_check_id: healthCheck, latency_routing_policy: nested({ region: ref("var.aws_region") }) };
    case "weighted":
      return { ...identifier, health_check_id: healthCheck, weighted_routing_policy: nested({ weight: 100 }) };
    case "failover":
      return { ...identifier, failover_routing_policy: nested({ type: "PRIMARY" }), health_check_id: healthCheck };
    case "geolocation":
      return { ...identifier, health_check_id: healthCheck, geolocation_routing_policy: nested({ country: "*" }) };
  }
}

/** A hosted zone per DNS component with alias records to its targets (003 "1. AWS Route 53 (DNS Service)"). */
function dnsBlocks(context: TerraformContext, notes: string[]): HclBlock[] {
  const blocks: HclBlock[] = [];
  for (const dns of context.ofKind("dns")) {
    const label = context.label(dns);
    blocks.push(
      resource("aws_route53_zone", label, { name: dns.config.domain, tags: object({ Component: tagValue(dns.name, dns.id) }) }, [
        context.describe(dns),
        context.cite(cite("003", "1. AWS Route 53 (DNS Service)")) + ": alias records with health checks, failover away from unhealthy endpoints.",
      ]),
    );
    context.effectiveTargets(dns).forEach((target, index) => {
      const recordName = dnsRecordName(context, dns, target);
      const alias = aliasTarget(context, target, recordName);
      if (!alias) {
        notes.push(`DNS "${dns.name}" (${dns.id}) points at "${target.name}", which has no public AWS endpoint in this configuration.`);
        return;
      }
      const recordLabel = `${label}_${index + 1}`;
      // Health checks steer answers between records; a simple record has nothing to steer to.
      const checked = dns.config.healthChecks && dns.config.routingPolicy !== "simple";
      const healthCheck = checked ? ref(`aws_route53_health_check.${recordLabel}.id`) : undefined;
      if (checked) {
        blocks.push(
          resource("aws_route53_health_check", recordLabel, {
            type: "HTTPS",
            fqdn: recordName,
            port: 443,
            resource_path: alias.healthPath,
            failure_threshold: 3,
            request_interval: 30,
            tags: object({ Component: tagValue(dns.name, dns.id) }),
          }),
        );
      }
      for (const type of ["A", "AAAA"]) {
        blocks.push(
          resource("aws_route53_record", `${recordLabel}_${type.toLowerCase()}`, {
            zone_id: ref(`aws_route53_zone.${label}.zone_id`),
            name: recordName,
            type,
            ...routingPolicy(dns, healthCheck),
            alias: nested({ name: alias.name, zone_id: alias.zone, evaluate_target_health: true }),
          }),
        );
      }
    });
  }
  return blocks;
}

export function edgeSection(context: TerraformContext): TerraformSection {
  const notes: string[] = [];
  const distributions = distributionBlocks(context, notes);
  const blocks = [...dnsBlocks(context, notes), ...webAclBlocks(context), ...distributions.blocks];
  const variables = distributions.needsCertificate
    ? [
        variable("cloudfront_certificate_arn", {
          type: ref("string"),
          description: "ACM certificate in us-east-1 for the CloudFront aliases (CloudFront only reads certificates from us-east-1).",
        }),
      ]
    : [];
  const outputs = context
    .ofKind("cdn")
    .filter((cdn) => cloudFrontOrigins(context, cdn).length > 0)
    .map((cdn) =>
      output(`${context.label(cdn)}_domain_name`, ref(`aws_cloudfront_distribution.${context.label(cdn)}.domain_name`), `CloudFront domain of ${cdn.id}`),
    );
  const zoneOutputs = context
    .ofKind("dns")
    .map((dns) =>
      output(`${context.label(dns)}_name_servers`, ref(`aws_route53_zone.${context.label(dns)}.name_servers`), `Name servers to delegate ${dns.config.domain} to`),
    );
  return { blocks, notes, variables, outputs: [...outputs, ...zoneOutputs] };
}
