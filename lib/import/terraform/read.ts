import type { ComponentKind } from "../../catalog";
import { DesignDraft } from "../support/draft";
import type { ImportResult, SourceFile } from "../types";
import { block, blocks, intIn, literal, literalBoolean, literalNumber, literalString, referencesIn, ResourceIndex } from "./graph";
import { isRecord, readTerraformInput, type TfResource } from "./resources";

const USERS = "client/users";
/** Kinds that stand at the edge: the outermost of them is where Users come in. */
const EDGE_KINDS: readonly ComponentKind[] = ["dns", "cdn", "waf", "load-balancer", "api-gateway"];
const CLOUDWATCH = "cloudwatch";
const PATH_PREFIX = /^\/[A-Za-z0-9/_{}+*.-]{0,199}$/;
const HEALTH_PATH = /^\/[A-Za-z0-9/_{}:.-]{0,199}$/;
const DOMAIN = /^[A-Za-z0-9.-]{1,253}$/;

/** Resources that are components, by type, with the kind they become (ECS services and Lambdas decide later). */
const COMPONENT_TYPES: Record<string, ComponentKind> = {
  aws_cloudfront_distribution: "cdn",
  aws_wafv2_web_acl: "waf",
  aws_waf_web_acl: "waf",
  aws_wafregional_web_acl: "waf",
  aws_route53_zone: "dns",
  aws_lb: "load-balancer",
  aws_alb: "load-balancer",
  aws_api_gateway_rest_api: "api-gateway",
  aws_apigatewayv2_api: "api-gateway",
  aws_ecs_service: "service",
  aws_lambda_function: "service",
  aws_db_instance: "database",
  aws_rds_cluster: "database",
  aws_docdb_cluster: "nosql-database",
  aws_elasticache_replication_group: "cache",
  aws_elasticache_cluster: "cache",
  aws_dynamodb_table: "nosql-database",
  aws_keyspaces_keyspace: "nosql-database",
  aws_sqs_queue: "queue",
  aws_sns_topic: "queue",
  aws_msk_cluster: "queue",
  aws_msk_serverless_cluster: "queue",
  aws_kinesis_stream: "queue",
  aws_s3_bucket: "object-storage",
  aws_secretsmanager_secret: "secrets-manager",
};

/** Resources whose meaning is carried into settings, zones or connections of the components above. */
const FOLDED_TYPES = new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_lb_listener",
  "aws_alb_listener",
  "aws_lb_listener_rule",
  "aws_alb_listener_rule",
  "aws_lb_target_group",
  "aws_alb_target_group",
  "aws_lb_target_group_attachment",
  "aws_wafv2_web_acl_association",
  "aws_route53_record",
  "aws_apigatewayv2_integration",
  "aws_apigatewayv2_route",
  "aws_apigatewayv2_vpc_link",
  "aws_api_gateway_integration",
  "aws_api_gateway_vpc_link",
  "aws_ecs_task_definition",
  "aws_appautoscaling_target",
  "aws_appautoscaling_policy",
  "aws_lambda_event_source_mapping",
  "aws_sns_topic_subscription",
  "aws_rds_cluster_instance",
  "aws_docdb_cluster_instance",
  "aws_s3_bucket_versioning",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_secretsmanager_secret_rotation",
  "aws_cloudwatch_log_group",
  "aws_cloudwatch_metric_alarm",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_route_table",
  "aws_route_table_association",
  "aws_internet_gateway",
]);

function tags(resource: TfResource): Record<string, unknown> {
  return isRecord(resource.values.tags) ? resource.values.tags : {};
}

/** The name people gave it: Archway's `Component` tag, the `Name` tag, the resource's own name, else its label. */
function displayName(resource: TfResource): string {
  const candidates = [tags(resource).Component, tags(resource).Name, resource.values.name, resource.values.identifier, resource.values.cluster_identifier, resource.values.replication_group_id, resource.values.function_name, resource.values.bucket, resource.values.cluster_name];
  const found = candidates.map(literalString).find((value) => value !== undefined && value.trim() !== "");
  return found ?? resource.name;
}

function engineOf(engine: string | undefined): "postgres" | "mysql" | undefined {
  if (engine === undefined) return undefined;
  if (engine.includes("postgres")) return "postgres";
  if (engine.includes("mysql") || engine.includes("mariadb")) return "mysql";
  return undefined;
}

function version(value: unknown): string | undefined {
  return literalString(value)?.match(/^(\d+(?:\.\d+){0,2})/)?.[1];
}

/**
 * Reads Terraform for AWS into a design: the resources people draw (CloudFront, WAF, Route 53, load balancers, API
 * gateways, ECS services, Lambdas, databases, caches, queues, buckets, secrets, CloudWatch) become components; VPCs,
 * subnets and availability zones become zones; listeners, rules, target groups, integrations, event source mappings,
 * security-group rules and references in environment variables become connections; scaling, health check,
 * Multi-AZ and backup settings come along. Everything else is listed with its file, line and reason.
 */
export function readTerraform(files: readonly SourceFile[], name: string | undefined): ImportResult {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const input = readTerraformInput(sorted);
  const index = new ResourceIndex(input.resources);
  const draft = new DesignDraft(name ?? "Imported from Terraform");
  for (const item of input.unmapped) draft.unmapped(item);
  const mapped = new Set<TfResource>();
  const skip = (resource: TfResource, reason: string) => draft.unmapped({ file: resource.file, ...(resource.line !== undefined ? { line: resource.line } : {}), item: resource.address, reason });

  // Zones: VPCs, availability zones (from subnets) and subnets, public when they map public IPs or route to an internet gateway.
  const publicRouteTables = new Set(index.ofType("aws_route_table").filter((table) => index.referenced(table.config.route, "aws_internet_gateway").length > 0 || index.ofType("aws_route").some((route) => referencesIn(route.config.route_table_id).includes(table.base) && index.referenced(route.config.gateway_id, "aws_internet_gateway").length > 0)).map((table) => table.base));
  for (const vpc of index.ofType("aws_vpc")) {
    const cidr = literalString(vpc.values.cidr_block);
    draft.addZone({ key: vpc.address, kind: "vpc", name: displayName(vpc), ...(cidr ? { cidr } : {}) });
    mapped.add(vpc);
  }
  const subnetZone = new Map<string, string>();
  for (const subnet of index.ofType("aws_subnet")) {
    const vpc = index.referenced(subnet.config.vpc_id, "aws_vpc")[0];
    const availabilityZone = literalString(subnet.values.availability_zone);
    let parentKey = vpc?.address;
    if (availabilityZone) {
      parentKey = `availability-zone/${vpc?.address ?? ""}/${availabilityZone}`;
      draft.addZone({ key: parentKey, kind: "availability-zone", name: availabilityZone, code: availabilityZone, ...(vpc ? { parentKey: vpc.address } : {}) });
    }
    const associated = index.ofType("aws_route_table_association").filter((association) => referencesIn(association.config.subnet_id).includes(subnet.base)).flatMap((association) => referencesIn(association.config.route_table_id));
    const isPublic = literalBoolean(subnet.values.map_public_ip_on_launch) === true || associated.some((table) => publicRouteTables.has(table));
    const cidr = literalString(subnet.values.cidr_block);
    draft.addZone({ key: subnet.address, kind: isPublic ? "public-subnet" : "private-subnet", name: displayName(subnet), ...(parentKey ? { parentKey } : {}), ...(cidr ? { cidr } : {}) });
    subnetZone.set(subnet.base, subnetZone.get(subnet.base) ?? subnet.address);
    mapped.add(subnet);
  }
  /** The subnet a component runs in: one it names directly, or through a subnet group it names. */
  const zoneOf = (resource: TfResource): string | undefined => {
    const direct = referencesIn(resource.config).filter((base) => subnetZone.has(base));
    if (direct.length > 0) return subnetZone.get(direct[0]);
    for (const group of index.referenced(resource.config, "aws_db_subnet_group", "aws_elasticache_subnet_group", "aws_docdb_subnet_group")) {
      const viaGroup = referencesIn(group.config.subnet_ids).filter((base) => subnetZone.has(base));
      if (viaGroup.length > 0) {
        mapped.add(group);
        return subnetZone.get(viaGroup[0]);
      }
    }
    return undefined;
  };

  // Which resources are folded into another rather than drawn: read replicas, dead-letter queues, alarm topics.
  const replicaOf = new Map<TfResource, TfResource>();
  for (const database of index.ofType("aws_db_instance")) {
    const source = index.referenced(database.config.replicate_source_db, "aws_db_instance")[0];
    if (source) replicaOf.set(database, source);
  }
  const deadLetterQueues = new Set(index.ofType("aws_sqs_queue").flatMap((queue) => index.referenced(queue.config.redrive_policy, "aws_sqs_queue")));
  const alarmTopics = new Set(index.ofType("aws_cloudwatch_metric_alarm").flatMap((alarm) => index.referenced([alarm.config.alarm_actions, alarm.config.ok_actions], "aws_sns_topic")));
  const replicationMembers = new Set(index.ofType("aws_elasticache_cluster").filter((cluster) => referencesIn(cluster.config.replication_group_id).length > 0));
  const lambdaSources = new Set(index.ofType("aws_lambda_event_source_mapping").flatMap((mapping) => index.referenced(mapping.config.function_name, "aws_lambda_function")));

  const componentKeys = new Map<string, string[]>();
  const componentKinds = new Map<string, ComponentKind>();
  const add = (resource: TfResource, kind: ComponentKind, config: Record<string, unknown>) => {
    draft.addComponent({ key: resource.address, kind, name: displayName(resource), zoneKey: zoneOf(resource), config });
    componentKeys.set(resource.base, [...(componentKeys.get(resource.base) ?? []), resource.address]);
    componentKinds.set(resource.address, kind);
    mapped.add(resource);
  };
  const keysOf = (resources: readonly TfResource[]) => resources.flatMap((resource) => componentKeys.get(resource.base) ?? []);

  for (const resource of input.resources) {
    const kind = COMPONENT_TYPES[resource.type];
    if (kind === undefined) continue;
    if (replicaOf.has(resource)) continue;
    if (resource.type === "aws_sqs_queue" && deadLetterQueues.has(resource)) continue;
    if (resource.type === "aws_sns_topic" && alarmTopics.has(resource)) continue;
    if (resource.type === "aws_elasticache_cluster" && replicationMembers.has(resource)) continue;
    const drawnAs = kindOf(resource, kind, index, lambdaSources);
    add(resource, drawnAs, settingsOf(resource, drawnAs));
  }
  const cloudwatch = index.ofType("aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_cloudwatch_dashboard");
  if (cloudwatch.length > 0) {
    const retention = index.ofType("aws_cloudwatch_log_group").map((group) => intIn(group.values.retention_in_days, 1, 3653)).find((days) => days !== undefined);
    const cpuAlarm = index.ofType("aws_cloudwatch_metric_alarm").filter((alarm) => literalString(alarm.values.metric_name) === "CPUUtilization").map((alarm) => intIn(alarm.values.threshold, 1, 100)).find((value) => value !== undefined);
    draft.addComponent({ key: CLOUDWATCH, kind: "observability", name: "CloudWatch", config: { ...(retention ? { logRetentionDays: retention } : {}), ...(cpuAlarm ? { cpuAlarmPercent: cpuAlarm } : {}) } });
    componentKinds.set(CLOUDWATCH, "observability");
    for (const resource of cloudwatch) {
      componentKeys.set(resource.base, [CLOUDWATCH]);
      mapped.add(resource);
    }
    for (const topic of alarmTopics) {
      componentKeys.set(topic.base, [CLOUDWATCH]);
      mapped.add(topic);
    }
  }

  /** Components another edge component sends traffic to; a service calling back into its load balancer does not count. */
  const reachedFromEdge = new Set<string>();
  const connect = (sources: readonly string[], targets: readonly string[], pathPrefix?: string, timeoutMs?: number) => {
    const path = pathPrefix !== undefined && pathPrefix !== "/" && PATH_PREFIX.test(pathPrefix) ? pathPrefix : undefined;
    for (const source of sources) {
      for (const target of targets) {
        if (source === target) continue;
        // A worker that names a queue consumes it: the messages flow from the queue to the worker.
        const consumes = componentKinds.get(source) === "worker" && componentKinds.get(target) === "queue";
        const [from, to] = consumes ? [target, source] : [source, target];
        draft.connect({ sourceKey: from, targetKey: to, ...(path ? { pathPrefix: path } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
        if (EDGE_KINDS.includes(componentKinds.get(from)!)) reachedFromEdge.add(to);
      }
    }
  };
  const use = (resource: TfResource) => mapped.add(resource);

  // Settings folded from companion resources.
  const replicaCounts = new Map<string, number>();
  for (const [replica, source] of replicaOf) {
    replicaCounts.set(source.address, (replicaCounts.get(source.address) ?? 0) + (intIn(replica.values.count, 0, 15) ?? 1));
    use(replica);
  }
  for (const [source, count] of replicaCounts) draft.configure(source, { readReplicas: Math.min(15, count) });
  for (const cluster of index.ofType("aws_rds_cluster", "aws_docdb_cluster")) {
    const instances = index.ofType("aws_rds_cluster_instance", "aws_docdb_cluster_instance").filter((instance) => referencesIn(instance.config.cluster_identifier).includes(cluster.base));
    instances.forEach(use);
    const count = instances.reduce((total, instance) => total + (literalNumber(instance.values.count) ?? 1), 0);
    if (count === 0) continue;
    if (cluster.type === "aws_rds_cluster") draft.configure(cluster.address, { multiAz: count >= 2, readReplicas: Math.min(15, count - 1) });
    else draft.configure(cluster.address, { replicationFactor: Math.min(7, count) });
  }
  for (const queue of index.ofType("aws_sqs_queue")) {
    if (deadLetterQueues.has(queue)) {
      const owners = index.ofType("aws_sqs_queue").filter((candidate) => referencesIn(candidate.config.redrive_policy).includes(queue.base));
      skip(queue, `Dead-letter queue of ${owners.map((owner) => owner.address).join(", ")}; kept as that queue's deadLetterQueue setting`);
      use(queue);
    }
  }
  for (const bucketSetting of index.ofType("aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration")) {
    const bucket = keysOf(index.referenced(bucketSetting.config.bucket, "aws_s3_bucket"));
    if (bucket.length === 0) continue;
    use(bucketSetting);
    if (bucketSetting.type === "aws_s3_bucket_versioning") {
      const status = literalString(block(bucketSetting.values.versioning_configuration).status);
      if (status) bucket.forEach((key) => draft.configure(key, { versioning: status === "Enabled" }));
    } else if (bucketSetting.type === "aws_s3_bucket_public_access_block") {
      const flags = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"].map((flag) => literalBoolean(bucketSetting.values[flag]));
      if (flags.every((flag) => flag !== undefined)) bucket.forEach((key) => draft.configure(key, { blockPublicAccess: flags.every(Boolean) }));
    } else {
      const algorithm = literalString(block(block(bucketSetting.values.rule).apply_server_side_encryption_by_default).sse_algorithm);
      if (algorithm) bucket.forEach((key) => draft.configure(key, { encryption: algorithm.startsWith("aws:kms") ? "SSE-KMS" : "SSE-S3" }));
    }
  }
  for (const rotation of index.ofType("aws_secretsmanager_secret_rotation")) {
    const days = intIn(block(rotation.values.rotation_rules).automatically_after_days, 1, 365);
    const secrets = keysOf(index.referenced(rotation.config.secret_id, "aws_secretsmanager_secret"));
    if (secrets.length === 0) continue;
    use(rotation);
    if (days) secrets.forEach((key) => draft.configure(key, { rotationDays: days }));
  }

  // Load balancers: listeners and rules route to target groups, whose targets are ECS services, Lambdas or attachments.
  const targetsOf = (group: TfResource): string[] => {
    const services = index.ofType("aws_ecs_service").filter((service) => blocks(service.config.load_balancer).some((entry) => referencesIn(entry.target_group_arn).includes(group.base)));
    const attached = index.ofType("aws_lb_target_group_attachment").filter((attachment) => referencesIn(attachment.config.target_group_arn).includes(group.base));
    attached.forEach(use);
    return [...keysOf(services), ...keysOf(attached.flatMap((attachment) => index.referenced(attachment.config.target_id)))];
  };
  const listenerBalancers = (listener: TfResource) => keysOf(index.referenced(listener.config.load_balancer_arn, "aws_lb", "aws_alb"));
  for (const listener of index.ofType("aws_lb_listener", "aws_alb_listener")) {
    const balancers = listenerBalancers(listener);
    if (balancers.length === 0) continue;
    use(listener);
    const action = block(listener.values.default_action);
    const port = intIn(listener.values.port, 1, 65535);
    const protocol = literalString(listener.values.protocol);
    if (literalString(action.type) === "redirect" && literalString(block(action.redirect).protocol) === "HTTPS") balancers.forEach((key) => draft.configure(key, { httpsRedirect: true }));
    else if (port !== undefined) balancers.forEach((key) => draft.configure(key, { listenerPort: port, ...(protocol ? { tls: protocol === "HTTPS" || protocol === "TLS" } : {}) }));
    for (const group of index.referenced(listener.config.default_action, "aws_lb_target_group", "aws_alb_target_group")) connect(balancers, targetsOf(group));
  }
  for (const rule of index.ofType("aws_lb_listener_rule", "aws_alb_listener_rule")) {
    const balancers = index.referenced(rule.config.listener_arn, "aws_lb_listener", "aws_alb_listener").flatMap(listenerBalancers);
    if (balancers.length === 0) continue;
    use(rule);
    const path = blocks(rule.values.condition).map((condition) => block(condition.path_pattern).values).find(Array.isArray)?.map(literalString).find((value) => value !== undefined);
    for (const group of index.referenced(rule.config.action, "aws_lb_target_group", "aws_alb_target_group")) connect(balancers, targetsOf(group), path);
  }
  for (const group of index.ofType("aws_lb_target_group", "aws_alb_target_group")) {
    const balancers = [...index.ofType("aws_lb_listener", "aws_alb_listener").filter((listener) => referencesIn(listener.config.default_action).includes(group.base)), ...index.ofType("aws_lb_listener_rule", "aws_alb_listener_rule").filter((rule) => referencesIn(rule.config.action).includes(group.base)).flatMap((rule) => index.referenced(rule.config.listener_arn))].flatMap(listenerBalancers);
    if (balancers.length === 0 && targetsOf(group).length === 0) continue;
    use(group);
    const check = block(group.values.health_check);
    const healthCheck = {
      ...(literalBoolean(check.enabled) !== undefined ? { enabled: literalBoolean(check.enabled) } : {}),
      ...(literalString(check.path) && HEALTH_PATH.test(literalString(check.path)!) ? { path: literalString(check.path) } : {}),
      ...(intIn(check.interval, 5, 300) ? { intervalSeconds: intIn(check.interval, 5, 300) } : {}),
      ...(intIn(check.timeout, 2, 120) ? { timeoutSeconds: intIn(check.timeout, 2, 120) } : {}),
      ...(intIn(check.healthy_threshold, 2, 10) ? { healthyThreshold: intIn(check.healthy_threshold, 2, 10) } : {}),
      ...(intIn(check.unhealthy_threshold, 2, 10) ? { unhealthyThreshold: intIn(check.unhealthy_threshold, 2, 10) } : {}),
    };
    if (Object.keys(healthCheck).length > 0) [...new Set(balancers)].forEach((key) => draft.configure(key, { healthCheck }));
  }

  // The edge: WAF associations, CloudFront origins and web ACLs, Route 53 alias records.
  for (const association of index.ofType("aws_wafv2_web_acl_association")) {
    const wafs = keysOf(index.referenced(association.config.web_acl_arn));
    const protectedKeys = keysOf(index.referenced(association.config.resource_arn).flatMap((resource) => (resource.type === "aws_api_gateway_stage" || resource.type === "aws_apigatewayv2_stage" ? index.referenced(resource.config.rest_api_id ?? resource.config.api_id) : [resource])));
    if (wafs.length === 0 || protectedKeys.length === 0) continue;
    use(association);
    connect(wafs, protectedKeys);
  }
  for (const distribution of index.ofType("aws_cloudfront_distribution")) {
    connect([distribution.address], keysOf(index.referenced(distribution.config.web_acl_id)));
    connect([distribution.address], keysOf(index.referenced(distribution.config.origin)));
  }
  for (const record of index.ofType("aws_route53_record")) {
    const zones = keysOf(index.referenced(record.config.zone_id, "aws_route53_zone"));
    if (zones.length === 0) continue;
    use(record);
    connect(zones, keysOf(index.referenced([record.config.alias, record.config.records]).filter((resource) => resource.type !== "aws_route53_zone")));
  }

  // API gateways: integrations (through VPC links to listeners or load balancers, or to Lambdas) and their routes.
  for (const integration of index.ofType("aws_apigatewayv2_integration", "aws_api_gateway_integration")) {
    const apis = keysOf(index.referenced([integration.config.api_id, integration.config.rest_api_id], "aws_apigatewayv2_api", "aws_api_gateway_rest_api"));
    if (apis.length === 0) continue;
    use(integration);
    const targets = index.referenced([integration.config.integration_uri, integration.config.uri]).flatMap((target) => {
      if (target.type === "aws_lb_listener" || target.type === "aws_alb_listener") return index.referenced(target.config.load_balancer_arn);
      if (target.type === "aws_service_discovery_service") return registeredServices(target, index);
      return [target];
    });
    const route = index.ofType("aws_apigatewayv2_route").find((candidate) => referencesIn(candidate.config.target).includes(integration.base));
    const routeKey = route ? literalString(route.values.route_key) : undefined;
    if (route) use(route);
    // The integration's own timeout is how long the gateway waits on this call.
    connect(apis, keysOf(targets), routeKey?.split(" ")[1], intIn(integration.values.timeout_milliseconds, 50, 3_600_000));
    if (literalString(integration.values.connection_type) === "VPC_LINK") apis.forEach((key) => draft.configure(key, { vpcLink: true }));
  }
  for (const link of index.ofType("aws_apigatewayv2_vpc_link", "aws_api_gateway_vpc_link")) {
    const apis = index.ofType("aws_apigatewayv2_integration", "aws_api_gateway_integration").filter((integration) => referencesIn(integration.config.connection_id).includes(link.base));
    if (apis.length === 0) continue;
    use(link);
    connect(keysOf(apis.flatMap((integration) => index.referenced([integration.config.api_id, integration.config.rest_api_id]))), keysOf(index.referenced(link.config.target_arns, "aws_lb", "aws_alb")));
  }

  // ECS: the task definition's port, containers and the resources their environment names; autoscaling bounds.
  for (const service of index.ofType("aws_ecs_service")) {
    const taskDefinitions = index.referenced(service.config.task_definition, "aws_ecs_task_definition");
    taskDefinitions.forEach(use);
    const containers = taskDefinitions.map((definition) => definition.config.container_definitions);
    const port = containerPort(service, index);
    if (port !== undefined && componentKinds.get(service.address) === "service") draft.configure(service.address, { port });
    connect(keysOf([service]), keysOf(index.referenced(containers)).filter((key) => key !== service.address));
  }
  for (const lambda of index.ofType("aws_lambda_function")) {
    connect(keysOf([lambda]), keysOf(index.referenced([lambda.config.environment, lambda.config.dead_letter_config])).filter((key) => key !== lambda.address));
  }
  for (const scaling of index.ofType("aws_appautoscaling_target")) {
    const services = keysOf(index.referenced(scaling.config.resource_id, "aws_ecs_service"));
    if (services.length === 0) continue;
    use(scaling);
    const min = intIn(scaling.values.min_capacity, 1, 1000);
    const max = intIn(scaling.values.max_capacity, 1, 1000);
    services.forEach((key) => draft.configure(key, { autoscaling: { enabled: true, ...(min ? { minReplicas: min } : {}), ...(max ? { maxReplicas: Math.max(max, min ?? 1) } : {}) } }));
  }
  for (const policy of index.ofType("aws_appautoscaling_policy")) {
    const services = keysOf(index.referenced(policy.config.resource_id).flatMap((target) => (target.type === "aws_appautoscaling_target" ? index.referenced(target.config.resource_id, "aws_ecs_service") : [target])));
    if (services.length === 0) continue;
    use(policy);
    const tracking = block(policy.values.target_tracking_scaling_policy_configuration);
    const metric = literalString(block(tracking.predefined_metric_specification).predefined_metric_type);
    const target = intIn(typeof tracking.target_value === "number" ? Math.round(tracking.target_value) : tracking.target_value, 1, 100);
    if (target === undefined) continue;
    if (metric === "ECSServiceAverageCPUUtilization") services.forEach((key) => draft.configure(key, { autoscaling: { cpuTargetPercent: target } }));
    if (metric === "ECSServiceAverageMemoryUtilization") services.forEach((key) => draft.configure(key, { autoscaling: { memoryTargetPercent: target } }));
  }

  // Messaging: event source mappings and topic subscriptions.
  for (const mapping of index.ofType("aws_lambda_event_source_mapping")) {
    const sources = keysOf(index.referenced(mapping.config.event_source_arn));
    const functions = keysOf(index.referenced(mapping.config.function_name, "aws_lambda_function"));
    if (sources.length === 0 || functions.length === 0) continue;
    use(mapping);
    connect(sources, functions);
  }
  for (const subscription of index.ofType("aws_sns_topic_subscription")) {
    const topics = keysOf(index.referenced(subscription.config.topic_arn, "aws_sns_topic"));
    const endpoints = keysOf(index.referenced(subscription.config.endpoint));
    if (topics.length === 0 || endpoints.length === 0) continue;
    use(subscription);
    connect(topics, endpoints);
  }

  // Security groups: a rule letting group A into group B connects the components in A to those in B.
  const members = new Map<string, string[]>();
  for (const resource of input.resources) {
    const keys = componentKeys.get(resource.base);
    if (!keys || resource.type === "aws_cloudwatch_log_group") continue;
    for (const group of index.referenced(resource.config, "aws_security_group")) members.set(group.base, [...(members.get(group.base) ?? []), ...keys.filter((key) => key !== CLOUDWATCH)]);
  }
  // A VPC link's groups are its API's: the gateway reaches into the VPC through them.
  for (const link of index.ofType("aws_apigatewayv2_vpc_link", "aws_api_gateway_vpc_link")) {
    const apis = keysOf(index.ofType("aws_apigatewayv2_integration", "aws_api_gateway_integration").filter((integration) => referencesIn(integration.config.connection_id).includes(link.base)).flatMap((integration) => index.referenced([integration.config.api_id, integration.config.rest_api_id])));
    for (const group of index.referenced(link.config.security_group_ids, "aws_security_group")) members.set(group.base, [...(members.get(group.base) ?? []), ...apis]);
  }
  const membersOf = (value: unknown) => index.referenced(value, "aws_security_group").flatMap((group) => members.get(group.base) ?? []);
  for (const group of index.ofType("aws_security_group")) {
    use(group);
    for (const rule of blocks(group.config.ingress)) connect(membersOf(rule.security_groups), members.get(group.base) ?? []);
  }
  for (const rule of index.ofType("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
    use(rule);
    const own = membersOf(rule.config.security_group_id);
    const other = membersOf([rule.config.source_security_group_id, rule.config.referenced_security_group_id]);
    const egress = rule.type === "aws_vpc_security_group_egress_rule" || literalString(rule.values.type) === "egress";
    if (egress) connect(own, other);
    else connect(other, own);
  }
  for (const resource of index.ofType("aws_route_table", "aws_route_table_association", "aws_internet_gateway", "aws_route")) use(resource);
  for (const discovery of index.ofType("aws_service_discovery_service")) if (registeredServices(discovery, index).length > 0) use(discovery);

  // Entries: Users reach the outermost public component (Route 53, else CloudFront, WAF, public load balancers, gateways).
  const entries = [...componentKinds.entries()].filter(([key, kind]) => EDGE_KINDS.includes(kind) && !reachedFromEdge.has(key) && (kind !== "load-balancer" || publicBalancer(index, key)));
  if (entries.length > 0) {
    draft.addComponent({ key: USERS, kind: "client", name: "Users" });
    for (const [key] of entries) draft.connect({ sourceKey: USERS, targetKey: key });
  }

  for (const resource of input.resources) {
    if (mapped.has(resource)) continue;
    skip(resource, unmappedReason(resource));
  }
  const { design, unmapped } = draft.build();
  return { format: "terraform", design, unmapped };
}

function publicBalancer(index: ResourceIndex, key: string): boolean {
  const balancer = index.resources.find((resource) => resource.address === key);
  return balancer !== undefined && literalBoolean(balancer.values.internal) !== true;
}

function unmappedReason(resource: TfResource): string {
  if (resource.type.startsWith("aws_iam_")) return "IAM roles and policies are permissions, not parts of the system's flow";
  if (resource.type === "aws_eks_cluster" || resource.type === "aws_eks_node_group") return "Workloads run inside the cluster; import its Kubernetes manifests to see them";
  if (resource.type === "aws_nat_gateway" || resource.type === "aws_eip") return "Network plumbing for outbound traffic; not a component";
  if (!resource.type.startsWith("aws_")) return `Only AWS resources are read; ${resource.type.split("_")[0]} has no counterpart`;
  if (FOLDED_TYPES.has(resource.type)) return "Refers to nothing imported, so there is nothing to attach it to";
  return `${resource.type} has no counterpart in a design`;
}

/** ECS services registered in a Cloud Map service, which is how callers inside the VPC find them. */
function registeredServices(discovery: TfResource, index: ResourceIndex): TfResource[] {
  return index.ofType("aws_ecs_service").filter((service) => blocks(service.config.service_registries).some((registry) => referencesIn(registry.registry_arn).includes(discovery.base)));
}

/** The port an ECS service's containers listen on, from the task definition it runs. */
function containerPort(service: TfResource, index: ResourceIndex): number | undefined {
  for (const definition of index.referenced(service.config.task_definition, "aws_ecs_task_definition")) {
    const text = definition.config.container_definitions;
    const port = typeof text === "string" ? text.match(/"?containerPort"?\s*[:=]\s*(\d{1,5})/)?.[1] : undefined;
    if (port !== undefined && Number(port) >= 1 && Number(port) <= 65535) return Number(port);
  }
  return undefined;
}

/** Whether any security-group rule lets traffic into these groups, from another group or an address range. */
function admitsTraffic(groups: ReadonlySet<string>, index: ResourceIndex): boolean {
  for (const group of index.ofType("aws_security_group")) {
    if (groups.has(group.base) && blocks(group.config.ingress).length > 0) return true;
  }
  for (const rule of index.ofType("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
    const own = referencesIn(rule.config.security_group_id);
    const egress = rule.type === "aws_vpc_security_group_egress_rule" || literalString(rule.values.type) === "egress";
    if (!egress && own.some((base) => groups.has(base))) return true;
    if (egress && !own.some((base) => groups.has(base)) && referencesIn([rule.config.source_security_group_id, rule.config.referenced_security_group_id]).some((base) => groups.has(base))) return true;
  }
  return false;
}

/**
 * An ECS service that nothing reaches (no load balancer in front, no security-group rule letting traffic in)
 * is a worker; so is a Lambda fed by an event source.
 */
function kindOf(resource: TfResource, kind: ComponentKind, index: ResourceIndex, lambdaSources: ReadonlySet<TfResource>): ComponentKind {
  if (resource.type === "aws_lambda_function") return lambdaSources.has(resource) ? "worker" : "service";
  if (resource.type !== "aws_ecs_service") return kind;
  if (blocks(resource.config.load_balancer).length > 0) return "service";
  const groups = new Set(index.referenced(resource.config.network_configuration, "aws_security_group").map((group) => group.base));
  return groups.size > 0 && !admitsTraffic(groups, index) ? "worker" : "service";
}

/** Settings a component resource carries itself, each within the catalogue's bounds. */
function settingsOf(resource: TfResource, kind: ComponentKind): Record<string, unknown> {
  const values = resource.values;
  switch (resource.type) {
    case "aws_lb":
    case "aws_alb": {
      const idle = intIn(values.idle_timeout, 1, 4000);
      return {
        ...(literalBoolean(values.internal) !== undefined ? { scheme: literalBoolean(values.internal) ? "internal" : "internet-facing" } : {}),
        ...(literalBoolean(values.enable_cross_zone_load_balancing) !== undefined ? { crossZone: literalBoolean(values.enable_cross_zone_load_balancing) } : {}),
        ...(idle ? { idleTimeoutSeconds: idle } : {}),
      };
    }
    case "aws_route53_zone": {
      const domain = literalString(values.name)?.replace(/\.$/, "");
      return domain && DOMAIN.test(domain) ? { domain } : {};
    }
    case "aws_ecs_service": {
      const replicas = intIn(values.desired_count, 1, 1000);
      return { ...(replicas ? { replicas } : {}), ...(kind === "service" ? { autoscaling: { enabled: false } } : {}) };
    }
    case "aws_db_instance":
    case "aws_rds_cluster": {
      const engine = engineOf(literalString(values.engine));
      const retention = intIn(values.backup_retention_period, 0, 35);
      const storage = intIn(values.allocated_storage, 20, 65_536);
      const instanceClass = literalString(values.instance_class);
      const engineVersion = version(values.engine_version);
      return {
        ...(engine ? { engine } : {}),
        ...(engineVersion ? { engineVersion } : {}),
        ...(literalBoolean(values.multi_az) !== undefined ? { multiAz: literalBoolean(values.multi_az) } : {}),
        ...(retention !== undefined ? { backupRetentionDays: retention, pointInTimeRecovery: retention > 0 } : {}),
        ...(literalBoolean(values.storage_encrypted) !== undefined ? { storageEncrypted: literalBoolean(values.storage_encrypted) } : {}),
        ...(literalBoolean(values.publicly_accessible) !== undefined ? { publiclyAccessible: literalBoolean(values.publicly_accessible) } : {}),
        ...(instanceClass && /^db\.[a-z0-9]+\.[a-z0-9]+$/.test(instanceClass) ? { instanceClass } : {}),
        ...(storage ? { allocatedStorageGb: storage } : {}),
        ...(intIn(values.port, 1, 65535) ? { port: intIn(values.port, 1, 65535) } : {}),
      };
    }
    case "aws_elasticache_replication_group":
    case "aws_elasticache_cluster": {
      const engine = literalString(values.engine);
      const nodeType = literalString(values.node_type);
      const engineVersion = version(values.engine_version);
      const nodes = intIn(values.num_cache_clusters ?? values.num_cache_nodes, 1, 6);
      const shards = intIn(values.num_node_groups, 1, 250);
      return {
        ...(engine ? { engine: engine === "memcached" ? "memcached" : "redis" } : {}),
        ...(engineVersion ? { engineVersion } : {}),
        ...(nodeType && /^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(nodeType) ? { nodeType } : {}),
        ...(nodes ? { replicas: nodes - 1 } : {}),
        ...(shards ? { shards } : {}),
        ...(intIn(values.port, 1, 65535) ? { port: intIn(values.port, 1, 65535) } : {}),
        ...(literalBoolean(values.automatic_failover_enabled) !== undefined ? { automaticFailover: literalBoolean(values.automatic_failover_enabled) } : {}),
        ...(literalBoolean(values.transit_encryption_enabled) !== undefined ? { encryptionInTransit: literalBoolean(values.transit_encryption_enabled) } : {}),
        ...(literalBoolean(values.at_rest_encryption_enabled) !== undefined ? { encryptionAtRest: literalBoolean(values.at_rest_encryption_enabled) } : {}),
      };
    }
    case "aws_dynamodb_table": {
      const recovery = literalBoolean(block(values.point_in_time_recovery).enabled);
      const encryption = literalBoolean(block(values.server_side_encryption).enabled);
      return { engine: "dynamodb", ...(recovery !== undefined ? { pointInTimeRecovery: recovery } : {}), ...(encryption !== undefined ? { encryptionAtRest: encryption } : {}) };
    }
    case "aws_keyspaces_keyspace":
      return { engine: "cassandra" };
    case "aws_docdb_cluster":
      return { engine: "mongodb", ...(literalBoolean(values.storage_encrypted) !== undefined ? { encryptionAtRest: literalBoolean(values.storage_encrypted) } : {}) };
    case "aws_sqs_queue": {
      const visibility = intIn(values.visibility_timeout_seconds, 0, 43_200);
      const retention = literalNumber(values.message_retention_seconds);
      const days = retention === undefined ? undefined : Math.min(14, Math.max(1, Math.round(retention / 86_400)));
      const redrive = referencesIn(resource.config.redrive_policy).length > 0 || literal(values.redrive_policy) !== undefined;
      const receives = typeof values.redrive_policy === "string" ? values.redrive_policy.match(/maxReceiveCount"?\s*[:=]\s*(\d+)/)?.[1] : undefined;
      return {
        engine: "sqs",
        mode: "queue",
        deadLetterQueue: redrive,
        ...(receives && Number(receives) >= 1 && Number(receives) <= 1000 ? { maxReceiveCount: Number(receives) } : {}),
        ...(visibility !== undefined ? { visibilityTimeoutSeconds: visibility } : {}),
        ...(days !== undefined ? { retentionDays: days } : {}),
        ...(literalBoolean(values.sqs_managed_sse_enabled) !== undefined || values.kms_master_key_id !== undefined ? { encryption: literalBoolean(values.sqs_managed_sse_enabled) === true || values.kms_master_key_id !== undefined } : {}),
      };
    }
    case "aws_msk_cluster":
    case "aws_msk_serverless_cluster":
      return { engine: "kafka", mode: "stream" };
    case "aws_kinesis_stream": {
      const shards = intIn(values.shard_count, 1, 10_000);
      const hours = literalNumber(values.retention_period);
      return { mode: "stream", ...(shards ? { partitions: shards } : {}), ...(hours !== undefined ? { retentionDays: Math.min(14, Math.max(1, Math.round(hours / 24))) } : {}) };
    }
    case "aws_s3_bucket":
      // The inline versioning block of AWS provider 3; newer configurations use aws_s3_bucket_versioning, read above.
      return literalBoolean(block(values.versioning).enabled) !== undefined ? { versioning: literalBoolean(block(values.versioning).enabled) } : {};
    case "aws_cloudfront_distribution": {
      const ttl = intIn(block(values.default_cache_behavior).default_ttl, 0, 31_536_000);
      const policy = literalString(block(values.default_cache_behavior).viewer_protocol_policy);
      return { ...(ttl !== undefined ? { defaultTtlSeconds: ttl } : {}), ...(policy ? { httpsRedirect: policy !== "allow-all" } : {}) };
    }
    case "aws_apigatewayv2_api":
      return literal(values.cors_configuration) !== undefined ? { cors: blocks(values.cors_configuration).length > 0 } : {};
    default:
      return {};
  }
}
