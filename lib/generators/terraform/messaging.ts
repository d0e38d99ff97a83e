import { cite } from "../../model";
import { output, resource, variable } from "./blocks";
import { tagValue, type TerraformContext, type TerraformSection } from "./context";
import { call, nested, object, ref, type HclBlock } from "./hcl";

const DAY_SECONDS = 86_400;

/**
 * Queues (002 ASYNC LAYER: dead letter queue, max retries 3): SQS with a dead-letter queue that takes a
 * message after the design's receive count and keeps it 14 days; Kafka as MSK Serverless with IAM
 * authentication; RabbitMQ as an Amazon MQ cluster across zones whose password is a variable, never a literal.
 */
function queueBlocks(context: TerraformContext): { blocks: HclBlock[]; variables: HclBlock[] } {
  const blocks: HclBlock[] = [];
  const variables: HclBlock[] = [];
  for (const queue of context.ofKind("queue")) {
    const label = context.label(queue);
    const config = queue.config;
    const comments = [context.describe(queue), context.cite(cite("002", "ASYNC LAYER"))];
    const tags = object({ Component: tagValue(queue.name, queue.id) });
    switch (config.engine) {
      case "sqs":
        if (config.deadLetterQueue) {
          blocks.push(
            resource(
              "aws_sqs_queue",
              context.label(queue, "dlq"),
              { name: context.awsName(queue, 80, "dlq"), message_retention_seconds: 14 * DAY_SECONDS, sqs_managed_sse_enabled: config.encryption, tags },
              comments,
            ),
          );
        }
        blocks.push(
          resource(
            "aws_sqs_queue",
            label,
            {
              name: context.awsName(queue, 80),
              visibility_timeout_seconds: config.visibilityTimeoutSeconds,
              message_retention_seconds: config.retentionDays * DAY_SECONDS,
              receive_wait_time_seconds: 20,
              sqs_managed_sse_enabled: config.encryption,
              redrive_policy: config.deadLetterQueue
                ? call("jsonencode", object({ deadLetterTargetArn: ref(`aws_sqs_queue.${context.label(queue, "dlq")}.arn`), maxReceiveCount: config.maxReceiveCount }))
                : undefined,
              tags,
            },
            config.deadLetterQueue ? [`After ${config.maxReceiveCount} failed deliveries a message moves to the dead-letter queue.`] : comments,
          ),
        );
        if (config.deadLetterQueue) {
          blocks.push(
            resource("aws_sqs_queue_redrive_allow_policy", context.label(queue, "dlq"), {
              queue_url: ref(`aws_sqs_queue.${context.label(queue, "dlq")}.id`),
              redrive_allow_policy: call("jsonencode", object({ redrivePermission: "byQueue", sourceQueueArns: [ref(`aws_sqs_queue.${label}.arn`)] })),
            }),
          );
        }
        break;
      case "kafka":
        blocks.push(
          resource(
            "aws_msk_serverless_cluster",
            label,
            {
              cluster_name: context.awsName(queue, 64),
              client_authentication: nested({ sasl: nested({ iam: nested({ enabled: true }) }) }),
              vpc_config: nested({ subnet_ids: ref("aws_subnet.private.*.id"), security_group_ids: [context.securityGroup(queue)] }),
              tags,
            },
            comments,
          ),
        );
        break;
      case "rabbitmq":
        variables.push(
          variable(`${label}_password`, {
            type: ref("string"),
            description: `Password of the RabbitMQ user of "${queue.name}": pass it from a secret store, never commit it.`,
            sensitive: true,
          }),
        );
        blocks.push(
          resource(
            "aws_mq_broker",
            label,
            {
              broker_name: context.awsName(queue, 50),
              engine_type: "RabbitMQ",
              engine_version: "3.13",
              host_instance_type: "mq.m5.large",
              deployment_mode: "CLUSTER_MULTI_AZ",
              publicly_accessible: false,
              auto_minor_version_upgrade: true,
              subnet_ids: ref("aws_subnet.private.*.id"),
              security_groups: [context.securityGroup(queue)],
              logs: nested({ general: true }),
              user: nested({ username: "app", password: ref(`var.${label}_password`) }),
              tags,
            },
            comments,
          ),
        );
        break;
    }
  }
  return { blocks, variables };
}

export function messagingSection(context: TerraformContext): TerraformSection {
  const { blocks, variables } = queueBlocks(context);
  const outputs = context
    .ofKind("queue")
    .filter((queue) => queue.config.engine === "sqs")
    .map((queue) => output(`${context.label(queue)}_url`, ref(`aws_sqs_queue.${context.label(queue)}.url`), `URL of ${queue.id}`));
  return { blocks, variables, outputs };
}
