import { cite, type Component } from "../../model";
import { boundedName } from "../naming";
import { output, resource } from "./blocks";
import { type TerraformContext, type TerraformSection } from "./context";
import { eksClusterName, workloadLogGroup } from "./compute";
import { nested, object, ref, type HclBlock, type HclBody, type HclValue } from "./hcl";
import { logRetentionDays } from "./traffic";

const FIVE_MINUTES = 300;

/** Alarm thresholds: the observability component's settings when the design has one, else the seeds' numbers. */
function thresholds(context: TerraformContext) {
  const settings = context.observability()?.config;
  return {
    /** 004 Alarms (per service): CPU High (>70%). */
    cpuPercent: settings?.cpuAlarmPercent ?? 70,
    /** 003 "Complete Observability Stack": Resource Alarm CPU/Memory >80%. */
    resourcePercent: 80,
    /** 003 "Complete Observability Stack": Error Rate Alarm, Threshold: >5%. */
    errorRatePercent: settings?.errorRateAlertPercent ?? 5,
    /** 003 "11. CloudWatch (AWS Monitoring)": HighLatency, p95 latency > 500ms. */
    p95LatencySeconds: 0.5,
    /** 003 "11. CloudWatch (AWS Monitoring)": DatabaseConnections > 80% of max; DiskSpace > 85%. */
    connectionsPercent: 80,
    diskUsedPercent: 85,
  };
}

function alarm(
  context: TerraformContext,
  component: Component,
  suffix: string,
  description: string,
  body: HclBody,
  comments: readonly string[] = [],
): HclBlock {
  return resource(
    "aws_cloudwatch_metric_alarm",
    context.label(component, `${suffix.replace(/-/g, "_")}_alarm`),
    {
      alarm_name: context.awsName(component, 255, suffix),
      alarm_description: `${component.name}: ${description}`,
      evaluation_periods: 1,
      treat_missing_data: "notBreaching",
      ...body,
      alarm_actions: [ref("aws_sns_topic.alarms.arn")],
      ok_actions: [ref("aws_sns_topic.alarms.arn")],
    },
    comments,
  );
}

function simpleMetric(namespace: string, metric: string, statistic: string, dimensions: Record<string, HclValue>, comparison: string, threshold: number): HclBody {
  return {
    namespace,
    metric_name: metric,
    statistic,
    period: FIVE_MINUTES,
    dimensions: object(dimensions),
    comparison_operator: comparison,
    threshold,
  };
}

function workloadAlarms(context: TerraformContext): HclBlock[] {
  const limits = thresholds(context);
  if (context.platform === "eks") {
    if (context.workloads().length === 0) return [];
    return [
      resource(
        "aws_cloudwatch_metric_alarm",
        "eks_node_cpu_alarm",
        {
          alarm_name: boundedName(`${context.project}-eks-node-cpu-high`, 255),
          alarm_description: `EKS nodes: CPU above ${limits.cpuPercent} % for 5 minutes`,
          evaluation_periods: 1,
          treat_missing_data: "notBreaching",
          ...simpleMetric("ContainerInsights", "node_cpu_utilization", "Average", { ClusterName: ref("aws_eks_cluster.main.name") }, "GreaterThanThreshold", limits.cpuPercent),
          alarm_actions: [ref("aws_sns_topic.alarms.arn")],
          ok_actions: [ref("aws_sns_topic.alarms.arn")],
        },
        [context.cite(cite("004", "CPU High (>70%)")) + ": on EKS the nodes carry the workloads, so the alarm watches node CPU."],
      ),
    ];
  }
  return context.workloads().flatMap((workload) => {
    const dimensions = { ClusterName: ref("aws_ecs_cluster.main.name"), ServiceName: ref(`aws_ecs_service.${context.label(workload)}.name`) };
    return [
      alarm(
        context,
        workload,
        "cpu-high",
        `CPU above ${limits.cpuPercent} % for 5 minutes`,
        simpleMetric("AWS/ECS", "CPUUtilization", "Average", dimensions, "GreaterThanThreshold", limits.cpuPercent),
        [context.describe(workload), context.cite(cite("004", "CPU High (>70%)"))],
      ),
      alarm(
        context,
        workload,
        "memory-high",
        `memory above ${limits.resourcePercent} % for 5 minutes`,
        simpleMetric("AWS/ECS", "MemoryUtilization", "Average", dimensions, "GreaterThanThreshold", limits.resourcePercent),
        [context.cite(cite("003", "Complete Observability Stack")) + ": Resource Alarm CPU/Memory >80%."],
      ),
    ];
  });
}

function loadBalancerAlarms(context: TerraformContext): HclBlock[] {
  const limits = thresholds(context);
  return context.ofKind("load-balancer").flatMap((loadBalancer) => {
    const dimension = { LoadBalancer: ref(`aws_lb.${context.label(loadBalancer)}.arn_suffix`) };
    const metric = (id: string, name: string) =>
      nested({
        id,
        return_data: false,
        metric: nested({ namespace: "AWS/ApplicationELB", metric_name: name, period: FIVE_MINUTES, stat: "Sum", dimensions: object(dimension) }),
      });
    return [
      alarm(
        context,
        loadBalancer,
        "error-rate",
        `more than ${limits.errorRatePercent} % of requests fail with 5xx for 5 minutes`,
        {
          comparison_operator: "GreaterThanThreshold",
          threshold: limits.errorRatePercent,
          metric_query: [
            metric("errors", "HTTPCode_Target_5XX_Count"),
            metric("requests", "RequestCount"),
            nested({ id: "error_rate", expression: "IF(requests > 0, 100 * errors / requests, 0)", label: "5xx error rate (%)", return_data: true }),
          ],
        },
        [context.describe(loadBalancer), context.cite(cite("003", "Complete Observability Stack")) + ": Error Rate Alarm, Threshold: >5%."],
      ),
      alarm(
        context,
        loadBalancer,
        "latency-p95",
        `p95 response time above ${limits.p95LatencySeconds * 1000} ms for 5 minutes`,
        {
          namespace: "AWS/ApplicationELB",
          metric_name: "TargetResponseTime",
          extended_statistic: "p95",
          period: FIVE_MINUTES,
          dimensions: object(dimension),
          comparison_operator: "GreaterThanThreshold",
          threshold: limits.p95LatencySeconds,
        },
        [context.cite(cite("003", "11. CloudWatch (AWS Monitoring)")) + ": HighLatency, p95 latency > 500ms."],
      ),
    ];
  });
}

/** Connections the callers can open at most: each caller's pool size times its most instances. */
function maxConnections(context: TerraformContext, database: Component & { kind: "database" }): number {
  const callers = context.callersOf(database.id).filter((caller) => caller.kind === "service" || caller.kind === "worker");
  const instances = callers.reduce((sum, caller) => {
    const config = (caller as Component & { kind: "service" | "worker" }).config;
    return sum + Math.max(config.replicas, config.autoscaling.enabled ? config.autoscaling.maxReplicas : config.replicas);
  }, 0);
  return Math.max(1, instances) * database.config.pool.maxConnections;
}

function dataAlarms(context: TerraformContext): HclBlock[] {
  const limits = thresholds(context);
  const databases = context.managed("database").flatMap((database) => {
    const dimensions = { DBInstanceIdentifier: ref(`aws_db_instance.${context.label(database)}.identifier`) };
    const storageBytes = database.config.allocatedStorageGb * 1024 ** 3;
    return [
      alarm(
        context,
        database,
        "cpu-high",
        `CPU above ${limits.resourcePercent} % for 5 minutes`,
        simpleMetric("AWS/RDS", "CPUUtilization", "Average", dimensions, "GreaterThanThreshold", limits.resourcePercent),
        [context.describe(database), context.cite(cite("003", "Complete Observability Stack")) + ": Resource Alarm CPU/Memory >80%."],
      ),
      alarm(
        context,
        database,
        "connections-high",
        `connections above ${limits.connectionsPercent} % of what the callers' pools can open`,
        simpleMetric(
          "AWS/RDS",
          "DatabaseConnections",
          "Maximum",
          dimensions,
          "GreaterThanThreshold",
          Math.floor((maxConnections(context, database) * limits.connectionsPercent) / 100),
        ),
        [context.cite(cite("003", "11. CloudWatch (AWS Monitoring)")) + ": DatabaseConnections > 80% of max."],
      ),
      alarm(
        context,
        database,
        "disk-space",
        `disk usage above ${limits.diskUsedPercent} % of the allocated storage`,
        simpleMetric("AWS/RDS", "FreeStorageSpace", "Minimum", dimensions, "LessThanThreshold", Math.round((storageBytes * (100 - limits.diskUsedPercent)) / 100)),
        [context.cite(cite("003", "11. CloudWatch (AWS Monitoring)")) + ": DiskSpace, disk usage > 85%."],
      ),
    ];
  });
  const queues = context
    .ofKind("queue")
    .filter((queue) => queue.config.engine === "sqs" && queue.config.deadLetterQueue)
    .map((queue) =>
      alarm(
        context,
        queue,
        "dead-letters",
        "messages are waiting in the dead-letter queue",
        simpleMetric(
          "AWS/SQS",
          "ApproximateNumberOfMessagesVisible",
          "Maximum",
          { QueueName: ref(`aws_sqs_queue.${context.label(queue, "dlq")}.name`) },
          "GreaterThanThreshold",
          0,
        ),
        [context.describe(queue), context.cite(cite("002", "ASYNC LAYER")) + ": a dead letter is a failure someone must look at."],
      ),
    );
  return [...databases, ...queues];
}

/**
 * CloudWatch (003 "11. CloudWatch (AWS Monitoring)"): one log group per workload with the design's
 * retention, alarms at the seeds' thresholds, and an SNS topic every alarm notifies.
 */
export function observabilitySection(context: TerraformContext): TerraformSection {
  const retention = logRetentionDays(context);
  const logGroups: HclBlock[] =
    context.platform === "eks"
      ? [
          resource(
            "aws_cloudwatch_log_group",
            "eks_cluster",
            { name: `/aws/eks/${eksClusterName(context)}/cluster`, retention_in_days: retention },
            ["Control plane logs of the EKS cluster (003 CloudWatch Log Groups & Streams: /aws/eks/...)."],
          ),
        ]
      : context.workloads().map((workload) => {
          const group = workloadLogGroup(context, workload);
          return resource("aws_cloudwatch_log_group", group.label, { name: group.name, retention_in_days: retention }, [context.describe(workload)]);
        });
  const blocks: HclBlock[] = [
    resource(
      "aws_sns_topic",
      "alarms",
      { name: boundedName(`${context.project}-alarms`, 256), kms_master_key_id: "alias/aws/sns" },
      [context.cite(cite("003", "11. CloudWatch (AWS Monitoring)")) + ": Alarms: Automated notifications via SNS."],
    ),
    ...logGroups,
    ...workloadAlarms(context),
    ...loadBalancerAlarms(context),
    ...dataAlarms(context),
  ];
  return { blocks, outputs: [output("alarm_topic_arn", ref("aws_sns_topic.alarms.arn"), "SNS topic every alarm notifies; subscribe the on-call rotation")] };
}
