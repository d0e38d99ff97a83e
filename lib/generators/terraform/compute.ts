import { cite, type Component, type ComponentOf } from "../../model";
import { WORKER_PORT } from "../kubernetes/context";
import { RESERVED_ENVIRONMENT } from "../kubernetes/workloads";
import { boundedName, environmentNamer } from "../naming";
import { output, resource, variable } from "./blocks";
import { tagValue, type TerraformContext, type TerraformSection } from "./context";
import { call, nested, object, ref, type HclBlock, type HclObject, type HclValue } from "./hcl";
import { workloadSubnets } from "./placement";
import { mainListener, targetGroups } from "./traffic";

type Workload = ComponentOf<"service"> | ComponentOf<"worker">;

const CONTAINER_NAME = "app";
const DATABASE_USER = "app_admin";
const DATABASE_NAME = "app";

function workloadPort(workload: Workload): number {
  return workload.kind === "service" ? workload.config.port : WORKER_PORT;
}

/** Kubernetes CPU quantity ("500m", "1.5") in vCPU. */
function cpuCores(quantity: string): number {
  return quantity.endsWith("m") ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
}

/** Kubernetes memory quantity ("512Mi", "2Gi", "1048576Ki") in MiB. */
function memoryMiB(quantity: string): number {
  const value = Number(quantity.replace(/(Ki|Mi|Gi)$/, ""));
  if (quantity.endsWith("Gi")) return value * 1024;
  if (quantity.endsWith("Ki")) return value / 1024;
  return value;
}

/** Fargate task sizes: CPU units with the memory (MiB) each allows, in steps. */
const FARGATE_SIZES: { cpu: number; minMemory: number; maxMemory: number; step: number }[] = [
  { cpu: 256, minMemory: 512, maxMemory: 2048, step: 512 },
  { cpu: 512, minMemory: 1024, maxMemory: 4096, step: 1024 },
  { cpu: 1024, minMemory: 2048, maxMemory: 8192, step: 1024 },
  { cpu: 2048, minMemory: 4096, maxMemory: 16384, step: 1024 },
  { cpu: 4096, minMemory: 8192, maxMemory: 30720, step: 1024 },
  { cpu: 8192, minMemory: 16384, maxMemory: 61440, step: 4096 },
  { cpu: 16384, minMemory: 32768, maxMemory: 122880, step: 8192 },
];

/** The smallest Fargate size that covers the design's limits (003 Production Namespace: CPU 1000m, Mem 2Gi). */
function fargateSize(workload: Workload): { cpu: number; memory: number } {
  const cpu = cpuCores(workload.config.resources.cpuLimit) * 1024;
  const memory = memoryMiB(workload.config.resources.memoryLimit);
  const size = FARGATE_SIZES.find((candidate) => candidate.cpu >= cpu && candidate.maxMemory >= memory) ?? FARGATE_SIZES[FARGATE_SIZES.length - 1];
  const steps = Math.ceil(Math.max(0, memory - size.minMemory) / size.step);
  return { cpu: size.cpu, memory: Math.min(size.maxMemory, size.minMemory + steps * size.step) };
}

/** Private DNS name of a service in Cloud Map: `<name>.<project>.internal`. */
function cloudMapNamespace(context: TerraformContext): string {
  return `${context.project}.internal`;
}

function cloudMapName(context: TerraformContext, workload: Component): string {
  return context.nameOf(workload).kubernetes;
}

interface ContainerWiring {
  environment: [string, HclValue][];
  secrets: [string, HclValue][];
  statements: HclObject[];
  executionSecrets: HclValue[];
}

/**
 * What a container needs for each connection: endpoints as environment variables (names shared with the
 * generated TypeScript services: DATABASE_URL, REDIS_URL, <TARGET>_URL, <QUEUE>_QUEUE_URL), the database
 * password as an ECS secret from the RDS-managed secret, and an IAM statement per AWS API it calls.
 */
function wiring(context: TerraformContext, workload: Workload): ContainerWiring {
  const name = environmentNamer(RESERVED_ENVIRONMENT);
  const result: ContainerWiring = {
    environment: [
      ["PORT", String(workloadPort(workload))],
      ["LOG_LEVEL", "info"],
      ["NODE_ENV", "production"],
    ],
    secrets: [],
    statements: [],
    executionSecrets: [],
  };
  let database = false;
  let cache = false;
  for (const connection of context.callsFrom(workload.id)) {
    const target = context.component(connection.target);
    const label = context.label(target);
    switch (target.kind) {
      case "service":
        result.environment.push([name(context.nameOf(target).base, "_URL"), `http://${cloudMapName(context, target)}.${cloudMapNamespace(context)}:${target.config.port}`]);
        break;
      case "load-balancer":
        result.environment.push([name(context.nameOf(target).base, "_URL"), call("format", `${target.config.tls ? "https" : "http"}://%s`, ref(`aws_lb.${label}.dns_name`))]);
        break;
      case "database":
        if (database || target.config.engine !== "postgres" || !context.isManaged(target)) break;
        database = true;
        result.environment.push([
          "DATABASE_URL",
          call("format", `postgres://${DATABASE_USER}@%s:%d/${DATABASE_NAME}?sslmode=require`, ref(`aws_db_instance.${label}.address`), target.config.port),
        ]);
        result.secrets.push(["PGPASSWORD", call("format", "%s:password::", ref(`aws_db_instance.${label}.master_user_secret.0.secret_arn`))]);
        result.executionSecrets.push(ref(`aws_db_instance.${label}.master_user_secret.0.secret_arn`));
        break;
      case "cache":
        if (cache || target.config.engine !== "redis" || !context.isManaged(target)) break;
        cache = true;
        result.environment.push([
          "REDIS_URL",
          call(
            "format",
            `${target.config.encryptionInTransit ? "rediss" : "redis"}://%s:%d`,
            ref(`aws_elasticache_replication_group.${label}.${target.config.shards > 1 ? "configuration_endpoint_address" : "primary_endpoint_address"}`),
            target.config.port,
          ),
        ]);
        break;
      case "queue":
        if (target.config.engine !== "sqs") break;
        result.environment.push([name(context.nameOf(target).base, "_QUEUE_URL"), ref(`aws_sqs_queue.${label}.url`)]);
        result.statements.push(object({ Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes"], Resource: [ref(`aws_sqs_queue.${label}.arn`)] }));
        break;
      case "object-storage":
        if (!context.isManaged(target)) break;
        result.environment.push([name(context.nameOf(target).base, "_BUCKET"), ref(`aws_s3_bucket.${label}.id`)]);
        result.statements.push(
          object({
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],
            Resource: [ref(`aws_s3_bucket.${label}.arn`), call("format", "%s/*", ref(`aws_s3_bucket.${label}.arn`))],
          }),
        );
        break;
      case "nosql-database":
        if (target.config.engine !== "dynamodb") break;
        result.environment.push([name(context.nameOf(target).base, "_TABLE"), ref(`aws_dynamodb_table.${label}.name`)]);
        result.statements.push(
          object({
            Effect: "Allow",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem"],
            Resource: [ref(`aws_dynamodb_table.${label}.arn`)],
          }),
        );
        break;
      case "secrets-manager":
        if (target.config.provider !== "aws-secrets-manager") break;
        result.environment.push([name(context.nameOf(target).base, "_SECRET_ARN"), ref(`aws_secretsmanager_secret.${label}.arn`)]);
        result.statements.push(object({ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [ref(`aws_secretsmanager_secret.${label}.arn`)] }));
        break;
      default:
        break;
    }
  }
  for (const connection of context.callsInto(workload.id)) {
    const source = context.component(connection.source);
    if (source.kind !== "queue" || source.config.engine !== "sqs") continue;
    const label = context.label(source);
    result.environment.push([name(context.nameOf(source).base, "_QUEUE_URL"), ref(`aws_sqs_queue.${label}.url`)]);
    result.statements.push(
      object({
        Effect: "Allow",
        Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
        Resource: [ref(`aws_sqs_queue.${label}.arn`)],
      }),
    );
  }
  return result;
}

function assumeRolePolicy(service: string): HclValue {
  return call(
    "jsonencode",
    object({ Version: "2012-10-17", Statement: [object({ Effect: "Allow", Principal: object({ Service: service }), Action: "sts:AssumeRole" })] }),
  );
}

function policyDocument(statements: HclObject[]): HclValue {
  return call("jsonencode", object({ Version: "2012-10-17", Statement: statements }));
}

function containerImage(context: TerraformContext, workload: Component): HclValue {
  return call("format", "%s/%s:%s", ref("var.container_registry"), context.nameOf(workload).base, ref("var.image_tag"));
}

function logGroupName(context: TerraformContext, workload: Component): string {
  return `/ecs/${context.project}/${context.nameOf(workload).base}`;
}

/** Label of a workload's CloudWatch log group; observability.tf declares it. */
export function workloadLogGroup(context: TerraformContext, workload: Component): { label: string; name: string } {
  return { label: context.label(workload, "logs"), name: logGroupName(context, workload) };
}

/**
 * ECS on Fargate (004 "ECS Service (Fargate): 2-10 tasks"): one cluster with Container Insights, a task
 * definition and service per workload in the private subnets, a read-only root file system with no Linux
 * capabilities, a deployment circuit breaker that rolls back, target tracking on CPU and memory
 * (003 "12. Horizontal Pod Autoscaler (HPA)": 70 % CPU, 80 % memory), and Cloud Map names for
 * service-to-service calls.
 */
function ecsBlocks(context: TerraformContext): HclBlock[] {
  const workloads = context.workloads();
  if (workloads.length === 0) return [];
  const groups = targetGroups(context);
  const executionSecrets: HclValue[] = [];
  const blocks: HclBlock[] = [
    resource(
      "aws_ecs_cluster",
      "main",
      { name: boundedName(`${context.project}-cluster`, 255), setting: nested({ name: "containerInsights", value: "enabled" }) },
      [context.cite(cite("004", "Container Insights: Enabled"))],
    ),
    resource("aws_service_discovery_private_dns_namespace", "main", {
      name: cloudMapNamespace(context),
      description: "Service-to-service names",
      vpc: ref("aws_vpc.main.id"),
    }),
    resource(
      "aws_iam_role",
      "ecs_task_execution",
      { name: boundedName(`${context.project}-ecs-execution`, 64), assume_role_policy: assumeRolePolicy("ecs-tasks.amazonaws.com") },
      ["ECS Task Execution Role: pull ECR images, write CloudWatch logs, read the secrets injected into containers (004)."],
    ),
    resource("aws_iam_role_policy_attachment", "ecs_task_execution", {
      role: ref("aws_iam_role.ecs_task_execution.name"),
      policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    }),
  ];

  for (const workload of workloads) {
    const label = context.label(workload);
    const port = workloadPort(workload);
    const size = fargateSize(workload);
    const wired = wiring(context, workload);
    executionSecrets.push(...wired.executionSecrets);
    const logs = workloadLogGroup(context, workload);
    const probes = workload.config.probes;
    const container = object({
      name: CONTAINER_NAME,
      image: containerImage(context, workload),
      essential: true,
      user: "10001",
      readonlyRootFilesystem: true,
      portMappings: [object({ name: "http", containerPort: port, protocol: "tcp" })],
      environment: wired.environment.map(([name, value]) => object({ name, value })),
      secrets: wired.secrets.length > 0 ? wired.secrets.map(([name, valueFrom]) => object({ name, valueFrom })) : undefined,
      linuxParameters: object({ capabilities: object({ drop: ["ALL"] }), initProcessEnabled: true }),
      mountPoints: [object({ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false })],
      healthCheck: object({
        command: ["CMD", "wget", "-q", "-O", "/dev/null", `http://127.0.0.1:${port}${probes.livenessPath}`],
        interval: Math.max(5, Math.min(300, probes.periodSeconds)),
        timeout: 5,
        retries: Math.min(10, probes.failureThreshold),
        startPeriod: 30,
      }),
      logConfiguration: object({
        logDriver: "awslogs",
        options: object({
          "awslogs-group": ref(`aws_cloudwatch_log_group.${logs.label}.name`),
          "awslogs-region": ref("var.aws_region"),
          "awslogs-stream-prefix": context.nameOf(workload).base,
        }),
      }),
      stopTimeout: 30,
    });

    blocks.push(
      resource(
        "aws_iam_role",
        context.label(workload, "task"),
        { name: boundedName(`${context.project}-${context.nameOf(workload).base}-task`, 64), assume_role_policy: assumeRolePolicy("ecs-tasks.amazonaws.com") },
        [context.describe(workload), "ECS Task Role: only the AWS APIs this workload is connected to in the design."],
      ),
    );
    if (wired.statements.length > 0) {
      blocks.push(
        resource("aws_iam_role_policy", context.label(workload, "task"), {
          name: "design-connections",
          role: ref(`aws_iam_role.${context.label(workload, "task")}.id`),
          policy: policyDocument(wired.statements),
        }),
      );
    }
    blocks.push(
      resource("aws_ecs_task_definition", label, {
        family: context.awsName(workload, 255),
        requires_compatibilities: ["FARGATE"],
        network_mode: "awsvpc",
        cpu: String(size.cpu),
        memory: String(size.memory),
        execution_role_arn: ref("aws_iam_role.ecs_task_execution.arn"),
        task_role_arn: ref(`aws_iam_role.${context.label(workload, "task")}.arn`),
        runtime_platform: nested({ operating_system_family: "LINUX", cpu_architecture: "X86_64" }),
        volume: nested({ name: "tmp" }),
        container_definitions: call("jsonencode", [container]),
      }),
    );

    const own = groups.filter((group) => group.service.id === workload.id);
    const placed = workloadSubnets(context.design, workload);
    blocks.push(
      resource(
        "aws_service_discovery_service",
        label,
        {
          name: cloudMapName(context, workload),
          dns_config: nested({
            namespace_id: ref("aws_service_discovery_private_dns_namespace.main.id"),
            routing_policy: "MULTIVALUE",
            dns_records: [nested({ ttl: 10, type: "A" }), nested({ ttl: 10, type: "SRV" })],
          }),
        },
      ),
    );
    blocks.push(
      resource("aws_ecs_service", label, {
        name: context.awsName(workload, 255),
        cluster: ref("aws_ecs_cluster.main.id"),
        task_definition: ref(`aws_ecs_task_definition.${label}.arn`),
        desired_count: workload.config.replicas,
        launch_type: "FARGATE",
        platform_version: "LATEST",
        propagate_tags: "SERVICE",
        enable_execute_command: false,
        deployment_minimum_healthy_percent: 100,
        deployment_maximum_percent: 200,
        availability_zone_rebalancing: placed.spread >= 2 ? "ENABLED" : "DISABLED",
        health_check_grace_period_seconds: own.length > 0 ? 60 : undefined,
        network_configuration: nested({
          subnets: placed.subnets,
          security_groups: [context.securityGroup(workload)],
          assign_public_ip: false,
        }),
        deployment_circuit_breaker: nested({ enable: true, rollback: true }),
        load_balancer:
          own.length > 0
            ? own.map((group) => nested({ target_group_arn: ref(`aws_lb_target_group.${group.label}.arn`), container_name: CONTAINER_NAME, container_port: port }))
            : undefined,
        service_registries: nested({
          registry_arn: ref(`aws_service_discovery_service.${label}.arn`),
          container_name: CONTAINER_NAME,
          container_port: port,
        }),
        depends_on: own.length > 0 ? [...new Set(own.map((group) => mainListener(context, group.loadBalancer)))].map((listener) => ref(listener)) : undefined,
        tags: object({ Component: tagValue(workload.name, workload.id) }),
      }),
    );

    const scaling = workload.config.autoscaling;
    if (scaling.enabled) {
      blocks.push(
        resource(
          "aws_appautoscaling_target",
          label,
          {
            service_namespace: "ecs",
            scalable_dimension: "ecs:service:DesiredCount",
            resource_id: call("format", "service/%s/%s", ref("aws_ecs_cluster.main.name"), ref(`aws_ecs_service.${label}.name`)),
            min_capacity: scaling.minReplicas,
            max_capacity: Math.max(scaling.minReplicas, scaling.maxReplicas),
          },
          [context.cite(cite("003", "12. Horizontal Pod Autoscaler (HPA)")) + `: ${scaling.minReplicas}-${Math.max(scaling.minReplicas, scaling.maxReplicas)} tasks.`],
        ),
      );
      for (const [metric, target, suffix] of [
        ["ECSServiceAverageCPUUtilization", scaling.cpuTargetPercent, "cpu"],
        ["ECSServiceAverageMemoryUtilization", scaling.memoryTargetPercent, "memory"],
      ] as const) {
        blocks.push(
          resource("aws_appautoscaling_policy", context.label(workload, suffix), {
            name: context.awsName(workload, 255, suffix),
            policy_type: "TargetTrackingScaling",
            service_namespace: ref(`aws_appautoscaling_target.${label}.service_namespace`),
            scalable_dimension: ref(`aws_appautoscaling_target.${label}.scalable_dimension`),
            resource_id: ref(`aws_appautoscaling_target.${label}.resource_id`),
            target_tracking_scaling_policy_configuration: nested({
              target_value: target,
              scale_in_cooldown: 300,
              scale_out_cooldown: 60,
              predefined_metric_specification: nested({ predefined_metric_type: metric }),
            }),
          }),
        );
      }
    }
  }

  if (executionSecrets.length > 0) {
    blocks.splice(
      4,
      0,
      resource("aws_iam_role_policy", "ecs_task_execution_secrets", {
        name: "injected-secrets",
        role: ref("aws_iam_role.ecs_task_execution.id"),
        policy: policyDocument([object({ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: executionSecrets })]),
      }),
    );
  }
  return blocks;
}

/** Node group bounds from the design: enough 2-vCPU nodes for every workload's CPU requests at its bounds. */
function nodeGroupSize(context: TerraformContext): { min: number; desired: number; max: number } {
  const allocatableCores = 1.5;
  const cores = (replicas: (workload: Workload) => number) =>
    context.workloads().reduce((sum, workload) => sum + cpuCores(workload.config.resources.cpuRequest) * replicas(workload), 0);
  const desired = Math.max(2, Math.ceil(cores((workload) => workload.config.replicas) / allocatableCores));
  const max = Math.max(desired, 3, Math.ceil(cores((workload) => (workload.config.autoscaling.enabled ? workload.config.autoscaling.maxReplicas : workload.config.replicas)) / allocatableCores));
  return { min: 2, desired, max };
}

/**
 * EKS when the design chooses it (003 "3. Amazon EKS (Elastic Kubernetes Service)"): a private control
 * plane with audit logs and secrets encrypted by a KMS key, and a managed node group across the private
 * subnets of every zone. The workloads themselves come from the kubernetes/ output.
 */
function eksBlocks(context: TerraformContext): HclBlock[] {
  const size = nodeGroupSize(context);
  const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"];
  return [
    resource("aws_kms_key", "eks", { description: "EKS secrets encryption", enable_key_rotation: true, deletion_window_in_days: 30 }),
    resource(
      "aws_iam_role",
      "eks_cluster",
      { name: boundedName(`${context.project}-eks-cluster`, 64), assume_role_policy: assumeRolePolicy("eks.amazonaws.com") },
      [context.cite(cite("003", "3. Amazon EKS (Elastic Kubernetes Service)"))],
    ),
    resource("aws_iam_role_policy_attachment", "eks_cluster", {
      role: ref("aws_iam_role.eks_cluster.name"),
      policy_arn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
    }),
    resource("aws_eks_cluster", "main", {
      name: eksClusterName(context),
      role_arn: ref("aws_iam_role.eks_cluster.arn"),
      version: ref("var.kubernetes_version"),
      enabled_cluster_log_types: ["api", "audit", "authenticator"],
      vpc_config: nested({ subnet_ids: ref("aws_subnet.private.*.id"), endpoint_private_access: true, endpoint_public_access: false }),
      access_config: nested({ authentication_mode: "API" }),
      encryption_config: nested({ resources: ["secrets"], provider: nested({ key_arn: ref("aws_kms_key.eks.arn") }) }),
      depends_on: [ref("aws_iam_role_policy_attachment.eks_cluster"), ref("aws_cloudwatch_log_group.eks_cluster")],
    }),
    resource("aws_iam_role", "eks_nodes", {
      name: boundedName(`${context.project}-eks-nodes`, 64),
      assume_role_policy: assumeRolePolicy("ec2.amazonaws.com"),
    }),
    ...nodePolicies.map((policy) =>
      resource("aws_iam_role_policy_attachment", `eks_nodes_${policy.toLowerCase()}`, {
        role: ref("aws_iam_role.eks_nodes.name"),
        policy_arn: `arn:aws:iam::aws:policy/${policy}`,
      }),
    ),
    resource(
      "aws_eks_node_group",
      "main",
      {
        cluster_name: ref("aws_eks_cluster.main.name"),
        node_group_name: "general",
        node_role_arn: ref("aws_iam_role.eks_nodes.arn"),
        subnet_ids: ref("aws_subnet.private.*.id"),
        instance_types: ["m6i.large"],
        scaling_config: nested({ desired_size: size.desired, min_size: size.min, max_size: size.max }),
        update_config: nested({ max_unavailable: 1 }),
        depends_on: nodePolicies.map((policy) => ref(`aws_iam_role_policy_attachment.eks_nodes_${policy.toLowerCase()}`)),
      },
      ["At least two nodes, one per zone (003 \"Multi-AZ Setup\"); room for every workload at its autoscaling maximum."],
    ),
  ];
}

/** The EKS cluster's name, for log groups and alarms. */
export function eksClusterName(context: TerraformContext): string {
  return boundedName(`${context.project}-eks`, 100);
}

export function computeSection(context: TerraformContext): TerraformSection {
  const eks = context.platform === "eks";
  const blocks = eks ? eksBlocks(context) : ecsBlocks(context);
  const variables: HclBlock[] = [];
  if (eks) {
    variables.push(variable("kubernetes_version", { type: ref("string"), description: "EKS control plane version.", default: "1.34" }));
  } else if (context.workloads().length > 0) {
    variables.push(
      variable("container_registry", { type: ref("string"), description: "Registry holding one image per workload, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<project>." }),
      variable("image_tag", { type: ref("string"), description: "Image tag to deploy.", default: "0.1.0" }),
    );
  }
  const outputs = eks
    ? [
        output("eks_cluster_name", ref("aws_eks_cluster.main.name"), "EKS cluster to point kubectl at"),
        output("eks_cluster_endpoint", ref("aws_eks_cluster.main.endpoint"), "Private API endpoint of the EKS cluster"),
      ]
    : context.workloads().length > 0
      ? [output("ecs_cluster_name", ref("aws_ecs_cluster.main.name"), "ECS cluster running the workloads")]
      : [];
  return { blocks, variables, outputs };
}
