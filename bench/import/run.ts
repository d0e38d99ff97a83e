/**
 * Import benchmark: a `terraform show -json` plan of 1,000 resources and a Kubernetes file of 1,000 objects, each
 * imported end to end (parse, map, lay out, validate the design), against a baseline measured in the same run:
 * parsing the same text with JSON.parse or the yaml library alone.
 *
 *   npx tsx bench/import/run.ts [--runs 7] [--size 1000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { parseAllDocuments, stringify } from "yaml";
import { importFiles, type SourceFile } from "../../lib/import";
import { median } from "../shared/baseline";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "7" }, size: { type: "string", default: "1000" } } });
const RUNS = Math.max(1, Number(options.runs));
const SIZE = Math.max(10, Number(options.size));

/** A load balancer and its listener, then ten resources per unit: an ECS service with its task definition, target group, listener rule, security group and rule, a queue, a database, a log group and a role; roles fill up to the count. */
function planJson(resources: number): string {
  const planned: Record<string, unknown>[] = [];
  const configured: Record<string, unknown>[] = [];
  const add = (type: string, name: string, values: Record<string, unknown>, expressions: Record<string, unknown> = {}) => {
    planned.push({ address: `${type}.${name}`, mode: "managed", type, name, values });
    configured.push({ address: `${type}.${name}`, mode: "managed", type, name, expressions });
  };
  const references = (...addresses: string[]) => ({ references: addresses });
  add("aws_lb", "public", { name: "public", internal: false, idle_timeout: 60 });
  add("aws_lb_listener", "https", { port: 443, protocol: "HTTPS" }, { load_balancer_arn: references("aws_lb.public.arn", "aws_lb.public") });
  for (let unit = 0; planned.length + 10 <= resources; unit += 1) {
    const name = `svc${unit}`;
    add("aws_ecs_task_definition", name, { family: name, container_definitions: JSON.stringify([{ name, portMappings: [{ containerPort: 8080 }] }]) }, {
      container_definitions: references(`aws_sqs_queue.${name}.url`, `aws_sqs_queue.${name}`, `aws_db_instance.${name}.address`, `aws_db_instance.${name}`, `aws_cloudwatch_log_group.${name}.name`, `aws_cloudwatch_log_group.${name}`),
    });
    add("aws_ecs_service", name, { name, desired_count: 2, tags: { Name: `Service ${unit}` } }, {
      task_definition: references(`aws_ecs_task_definition.${name}.arn`, `aws_ecs_task_definition.${name}`),
      load_balancer: [{ target_group_arn: references(`aws_lb_target_group.${name}.arn`, `aws_lb_target_group.${name}`) }],
      network_configuration: [{ security_groups: references(`aws_security_group.${name}.id`, `aws_security_group.${name}`) }],
    });
    add("aws_lb_target_group", name, { port: 8080, health_check: [{ path: "/health", interval: 15 }] });
    add("aws_lb_listener_rule", name, { condition: [{ path_pattern: [{ values: [`/${name}/*`] }] }] }, {
      listener_arn: references("aws_lb_listener.https.arn", "aws_lb_listener.https"),
      action: [{ target_group_arn: references(`aws_lb_target_group.${name}.arn`, `aws_lb_target_group.${name}`) }],
    });
    add("aws_security_group", name, { name });
    add("aws_vpc_security_group_ingress_rule", name, { ip_protocol: "tcp", from_port: 8080, to_port: 8080, cidr_ipv4: "10.0.0.0/16" }, {
      security_group_id: references(`aws_security_group.${name}.id`, `aws_security_group.${name}`),
    });
    add("aws_sqs_queue", name, { name: `${name}-jobs`, visibility_timeout_seconds: 60 });
    add("aws_db_instance", name, { identifier: `${name}-db`, engine: "postgres", multi_az: true, backup_retention_period: 7 });
    add("aws_cloudwatch_log_group", name, { name: `/ecs/${name}`, retention_in_days: 30 });
    add("aws_iam_role", name, { name: `${name}-task` });
  }
  for (let extra = 0; planned.length < resources; extra += 1) add("aws_iam_role", `extra${extra}`, { name: `extra-${extra}` });
  return JSON.stringify({ format_version: "1.2", terraform_version: "1.10.0", planned_values: { root_module: { resources: planned } }, configuration: { root_module: { resources: configured } } });
}

/** Five objects per app: Deployment, Service, ConfigMap naming the next app's Service, HPA and NetworkPolicy. */
function kubernetesYaml(objects: number): string {
  const apps = Math.floor(objects / 5);
  const documents: Record<string, unknown>[] = [];
  for (let app = 0; app < apps; app += 1) {
    const name = `app${app}`;
    const next = `app${(app + 1) % apps}`;
    const labels = { app: name };
    documents.push(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace: `team${app % 10}` },
        spec: {
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name,
                  image: `registry.example.com/${name}:1.0.0`,
                  ports: [{ containerPort: 8080 }],
                  envFrom: [{ configMapRef: { name: `${name}-config` } }],
                  readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
                  resources: { requests: { cpu: "250m", memory: "256Mi" } },
                },
              ],
            },
          },
        },
      },
      { apiVersion: "v1", kind: "Service", metadata: { name, namespace: `team${app % 10}` }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${name}-config`, namespace: `team${app % 10}` }, data: { NEXT_SERVICE_ADDR: `${next}.team${((app + 1) % apps) % 10}.svc.cluster.local:80` } },
      { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name, namespace: `team${app % 10}` }, spec: { scaleTargetRef: { kind: "Deployment", name }, minReplicas: 2, maxReplicas: 6 } },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: `${name}-ingress`, namespace: `team${app % 10}` },
        spec: { podSelector: { matchLabels: labels }, ingress: [{ from: [{ podSelector: { matchLabels: { app: `app${(app + apps - 1) % apps}` } } }] }] },
      },
    );
  }
  return documents.map((document) => stringify(document)).join("---\n");
}

function timed(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const plan = planJson(SIZE);
const manifests = kubernetesYaml(SIZE);
const inputs: { name: string; files: SourceFile[]; objects: number; baseline: (text: string) => unknown }[] = [
  {
    name: "Terraform plan JSON",
    files: [{ path: "plan.json", text: plan }],
    objects: (JSON.parse(plan) as { planned_values: { root_module: { resources: unknown[] } } }).planned_values.root_module.resources.length,
    baseline: (text) => JSON.parse(text),
  },
  {
    name: "Kubernetes YAML",
    files: [{ path: "manifests.yaml", text: manifests }],
    objects: parseAllDocuments(manifests).length,
    baseline: (text) => parseAllDocuments(text).map((document) => document.toJS()),
  },
];

const rows: string[][] = [];
for (const input of inputs) {
  const text = input.files[0].text;
  let components = 0;
  let connections = 0;
  for (let warm = 0; warm < 2; warm += 1) {
    input.baseline(text);
    const result = importFiles(input.files);
    components = result.design.components.length;
    connections = result.design.connections.length;
  }
  const baseline: number[] = [];
  const imports: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(timed(() => input.baseline(text)));
    imports.push(timed(() => importFiles(input.files)));
  }
  rows.push([input.name, String(input.objects), `${(text.length / 1024).toFixed(0)} KB`, String(components), String(connections), median(baseline).toFixed(1), median(imports).toFixed(1), (median(imports) / median(baseline)).toFixed(1)]);
}

const header = ["input", "objects", "size", "components", "connections", "baseline ms", "import ms", "import / baseline"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
console.log(`Import benchmark: medians of ${RUNS} runs (Node ${process.version}); baseline = JSON.parse / yaml parseAllDocuments of the same text; load average ${loadavg()[0].toFixed(2)}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
