import { cite, type Component } from "../../model";
import { dnsLabel, environmentNamer } from "../naming";
import type { KubernetesContext, Workload } from "./context";
import { CONTAINER_SECURITY_CONTEXT, componentFolder, labels, metadata, podSecurityContext, selector, type Manifest } from "./manifest";

/** Variables every container gets or that name one well-known dependency; the same names as terraform/ and typescript/. */
export const RESERVED_ENVIRONMENT = ["PORT", "LOG_LEVEL", "NODE_ENV", "DATABASE_URL", "REDIS_URL", "PGPASSWORD"];

/** Unprivileged user the generated images run as. */
const APP_USER = 10001;

/** Secret holding how to reach a dependency that lives outside the cluster; created by the team, never generated. */
export function connectionSecret(context: KubernetesContext, component: Component): string {
  return dnsLabel(context.name(component), "connection");
}

/** Secret holding a database's credentials and URL (003 "13. ConfigMaps & Secrets": database-credentials). */
export function credentialsSecret(context: KubernetesContext, component: Component): string {
  return dnsLabel(context.name(component), "credentials");
}

function serviceUrl(context: KubernetesContext, component: Component, scheme: string): string {
  return `${scheme}://${context.name(component)}.${context.namespaceOf(component)}.svc.cluster.local:${context.port(component)}`;
}

interface Environment {
  config: Record<string, string>;
  secrets: { name: string; secret: string; key: string }[];
}

/**
 * How a workload reaches each thing it is connected to: in-cluster endpoints go in its ConfigMap, anything
 * secret or outside the cluster comes from a Secret referenced by name only, never with a value.
 */
export function workloadEnvironment(context: KubernetesContext, workload: Workload): Environment {
  const name = environmentNamer(RESERVED_ENVIRONMENT);
  const environment: Environment = {
    config: { PORT: String(context.port(workload)), LOG_LEVEL: "info", NODE_ENV: "production" },
    secrets: [],
  };
  let database = false;
  let cache = false;
  for (const connection of context.callsFrom(workload.id)) {
    const target = context.component(connection.target);
    switch (target.kind) {
      case "service":
      case "load-balancer":
      case "api-gateway":
      case "reverse-proxy": {
        const answering = context.answeringPods(target).find((pod) => pod.kind === "service");
        if (answering) environment.config[name(context.name(target), "_URL")] = serviceUrl(context, answering, "http");
        break;
      }
      case "database":
        if (database || target.config.engine !== "postgres") break;
        database = true;
        environment.secrets.push({ name: "DATABASE_URL", secret: credentialsSecret(context, target), key: "url" });
        break;
      case "cache":
        if (cache || target.config.engine !== "redis") break;
        cache = true;
        if (context.runsInCluster(target)) environment.config.REDIS_URL = serviceUrl(context, target, "redis");
        else environment.secrets.push({ name: "REDIS_URL", secret: connectionSecret(context, target), key: "url" });
        break;
      case "nosql-database":
        if (context.runsInCluster(target)) environment.config[name(context.name(target), "_URL")] = serviceUrl(context, target, target.config.engine === "mongodb" ? "mongodb" : "cassandra");
        else environment.secrets.push({ name: name(context.name(target), "_TABLE"), secret: connectionSecret(context, target), key: "table" });
        break;
      case "queue":
        environment.secrets.push({ name: name(context.name(target), "_QUEUE_URL"), secret: connectionSecret(context, target), key: "url" });
        break;
      case "object-storage":
        environment.secrets.push({ name: name(context.name(target), "_BUCKET"), secret: connectionSecret(context, target), key: "bucket" });
        break;
      case "secrets-manager":
        environment.secrets.push({ name: name(context.name(target), "_SECRET_ARN"), secret: connectionSecret(context, target), key: "arn" });
        break;
      default:
        break;
    }
  }
  for (const connection of context.callsInto(workload.id)) {
    const source = context.component(connection.source);
    if (source.kind === "queue") environment.secrets.push({ name: name(context.name(source), "_QUEUE_URL"), secret: connectionSecret(context, source), key: "url" });
  }
  return environment;
}

/** HPA behaviour of 003 "12. Horizontal Pod Autoscaler (HPA)": scale up at once by 100 % or 2 pods per 30 s, down after 5 minutes by at most 1 pod per 60 s. */
const SCALING_BEHAVIOR = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: "Max",
    policies: [
      { type: "Percent", value: 100, periodSeconds: 30 },
      { type: "Pods", value: 2, periodSeconds: 30 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: "Min",
    policies: [
      { type: "Percent", value: 50, periodSeconds: 60 },
      { type: "Pods", value: 1, periodSeconds: 60 },
    ],
  },
};

function probe(path: string, periodSeconds: number, failureThreshold: number, initialDelaySeconds: number) {
  return { httpGet: { path, port: "http" }, initialDelaySeconds, periodSeconds, timeoutSeconds: 5, failureThreshold };
}

/** Hold pods to the availability zones the workload is drawn in (004 "Private Subnets (Multiple AZs)"). */
function zoneAffinity(codes: readonly string[]) {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [...codes] }] }],
      },
    },
  };
}

/**
 * Per service or worker: ConfigMap, Deployment, Service, HorizontalPodAutoscaler (autoscaling/v2) and
 * PodDisruptionBudget. Pods run as a non-root user with a read-only root file system and no capabilities,
 * probe the design's liveness and readiness paths (002 "Health Checks") and spread across zones.
 */
export function workloadManifests(context: KubernetesContext, workload: Workload): Manifest[] {
  const folder = componentFolder(context, workload);
  const name = context.name(workload);
  const config = workload.config;
  const environment = workloadEnvironment(context, workload);
  const configMapName = dnsLabel(name, "config");
  const zones = context.podZones(workload);
  const spread =
    zones.spread >= 2
      ? [
          { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: selector(context, workload) } },
          { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selector(context, workload) } },
        ]
      : undefined;
  const container = {
    name: "app",
    image: `${context.project}/${name}:0.1.0`,
    imagePullPolicy: "IfNotPresent",
    ports: [{ name: "http", containerPort: context.port(workload), protocol: "TCP" }],
    envFrom: [{ configMapRef: { name: configMapName } }],
    ...(environment.secrets.length > 0
      ? { env: environment.secrets.map((secret) => ({ name: secret.name, valueFrom: { secretKeyRef: { name: secret.secret, key: secret.key } } })) }
      : {}),
    resources: {
      requests: { cpu: config.resources.cpuRequest, memory: config.resources.memoryRequest },
      limits: { cpu: config.resources.cpuLimit, memory: config.resources.memoryLimit },
    },
    livenessProbe: probe(config.probes.livenessPath, config.probes.periodSeconds, config.probes.failureThreshold, 10),
    readinessProbe: probe(config.probes.readinessPath, config.probes.periodSeconds, config.probes.failureThreshold, 5),
    securityContext: CONTAINER_SECURITY_CONTEXT,
    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
  };
  const manifests: Manifest[] = [
    {
      path: `${folder}/configmap.yaml`,
      object: { apiVersion: "v1", kind: "ConfigMap", metadata: metadata(context, workload, configMapName), data: environment.config },
      sources: [cite("003", "13. ConfigMaps & Secrets")],
    },
    {
      path: `${folder}/deployment.yaml`,
      object: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: metadata(context, workload),
        spec: {
          // An autoscaled Deployment leaves the count to its HPA: a fixed replicas would reset the scale on every apply.
          ...(config.autoscaling.enabled ? {} : { replicas: config.replicas }),
          revisionHistoryLimit: 5,
          selector: { matchLabels: selector(context, workload) },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template: {
            metadata: { labels: labels(context, workload) },
            spec: {
              automountServiceAccountToken: false,
              terminationGracePeriodSeconds: 30,
              securityContext: podSecurityContext(APP_USER),
              ...(zones.pinnedTo ? { affinity: zoneAffinity(zones.pinnedTo) } : {}),
              ...(spread ? { topologySpreadConstraints: spread } : {}),
              containers: [container],
              volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
            },
          },
        },
      },
      sources: [cite("003", "Pod Architecture & Communication"), cite("002", "Health Checks")],
    },
    {
      path: `${folder}/service.yaml`,
      object: {
        apiVersion: "v1",
        kind: "Service",
        metadata: metadata(context, workload),
        spec: { type: "ClusterIP", selector: selector(context, workload), ports: [{ name: "http", port: context.port(workload), targetPort: "http", protocol: "TCP" }] },
      },
      sources: [cite("001", "Layer 6: Kubernetes Service (Load Balancing)")],
    },
    {
      path: `${folder}/pdb.yaml`,
      object: {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: metadata(context, workload),
        spec: { maxUnavailable: 1, selector: { matchLabels: selector(context, workload) } },
      },
      sources: [cite("003", "1. High Availability (99.95% Uptime SLA)")],
    },
  ];
  if (config.autoscaling.enabled) {
    manifests.push({
      path: `${folder}/hpa.yaml`,
      object: {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: metadata(context, workload),
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
          minReplicas: config.autoscaling.minReplicas,
          maxReplicas: Math.max(config.autoscaling.minReplicas, config.autoscaling.maxReplicas),
          metrics: [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: config.autoscaling.cpuTargetPercent } } },
            { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: config.autoscaling.memoryTargetPercent } } },
          ],
          behavior: SCALING_BEHAVIOR,
        },
      },
      sources: [cite("003", "12. Horizontal Pod Autoscaler (HPA)")],
    });
  }
  return manifests;
}
