import { z } from "zod";

/**
 * Config fragments shared by several kinds. Each help text names the seed section its default
 * comes from, so the inspector can show users where a number was taken from.
 */

export const portField = (port: number, why: string) =>
  z.number().int().min(1).max(65535).default(port).describe(`Port this component listens on. ${why}`);

/** Target-group health check of a load balancer: seed 003, "Application Load Balancer (ALB)" → Health Checks. */
export const targetHealthCheck = z
  .object({
    enabled: z.boolean().default(true).describe("Probe targets and take unhealthy ones out of rotation (003 ALB section)."),
    path: z.string().min(1).max(200).default("/health").describe("HTTP path probed on each target (002 \"Health Checks\": GET /health → 200)."),
    intervalSeconds: z.number().int().min(5).max(300).default(30).describe("Seconds between probes: 30 s (003 ALB → Health Checks: Interval)."),
    timeoutSeconds: z.number().int().min(2).max(120).default(5).describe("Seconds before a probe counts as failed: 5 s (003 ALB → Health Checks: Timeout)."),
    healthyThreshold: z.number().int().min(2).max(10).default(2).describe("Consecutive successes to mark a target healthy: 2 (003 ALB → Healthy Threshold)."),
    unhealthyThreshold: z.number().int().min(2).max(10).default(3).describe("Consecutive failures to mark a target unhealthy: 3 (003 ALB → Unhealthy Threshold)."),
  })
  .prefault({})
  .describe("Health check of the targets behind this component (003 \"Application Load Balancer (ALB)\").");

/** Liveness and readiness of a workload: seed 002 "Health Checks", seed 001 "Health check endpoint (used by Kubernetes liveness probe)". */
export const workloadProbes = z
  .object({
    livenessPath: z.string().min(1).max(200).default("/health").describe("Liveness endpoint: restart the instance when it fails (002 \"Health Checks\")."),
    readinessPath: z.string().min(1).max(200).default("/ready").describe("Readiness endpoint: checks dependencies before the instance takes traffic (002 \"Health Checks\")."),
    periodSeconds: z.number().int().min(1).max(300).default(10).describe("Seconds between probes: every 10 s (002 \"Health Checks\" → Load Balancer Health Checks)."),
    failureThreshold: z.number().int().min(1).max(10).default(3).describe("Failures before the instance is restarted or unready (003 ALB → Unhealthy Threshold: 3)."),
  })
  .prefault({})
  .describe("Liveness and readiness probes (002 \"Health Checks\").");

/** Horizontal autoscaling: seed 003 "Horizontal Pod Autoscaler (HPA)" and seed 004 (ECS 2-10 tasks). */
export const autoscaling = z
  .object({
    enabled: z.boolean().default(true).describe("Scale the number of instances with load (003 \"Horizontal Pod Autoscaler (HPA)\")."),
    minReplicas: z.number().int().min(1).max(1000).default(2).describe("Fewest instances: 2 (003 HPA → Minimum Replicas; 004: 2-10 tasks)."),
    maxReplicas: z.number().int().min(1).max(1000).default(10).describe("Most instances: 10 (003 HPA → Maximum Replicas)."),
    cpuTargetPercent: z.number().int().min(1).max(100).default(70).describe("Average CPU that triggers scaling: 70 % (003 HPA → Target CPU Utilization)."),
    memoryTargetPercent: z.number().int().min(1).max(100).default(80).describe("Average memory that triggers scaling: 80 % (003 HPA → Target Memory Utilization)."),
  })
  .prefault({})
  .describe("Autoscaling bounds (003 \"Horizontal Pod Autoscaler (HPA)\").");

/** Container resources: seed 003 "Multi-Environment Namespace Strategy" and "Scalability (Handle 10x Traffic Spikes)". */
export const containerResources = z
  .object({
    cpuRequest: z.string().regex(/^\d+(\.\d+)?m?$/, "CPU is a Kubernetes quantity such as 500m or 1").default("500m").describe("CPU reserved per instance: 500m (003 Pod Resources → Current)."),
    memoryRequest: z.string().regex(/^\d+(Ki|Mi|Gi)$/, "Memory is a quantity such as 512Mi or 2Gi").default("512Mi").describe("Memory reserved per instance: 512Mi (003 Pod Resources → Current)."),
    cpuLimit: z.string().regex(/^\d+(\.\d+)?m?$/, "CPU is a Kubernetes quantity such as 1000m or 2").default("1000m").describe("CPU ceiling per instance: 1000m (003 Production Namespace: CPU 1000m)."),
    memoryLimit: z.string().regex(/^\d+(Ki|Mi|Gi)$/, "Memory is a quantity such as 1Gi").default("2Gi").describe("Memory ceiling per instance: 2Gi (003 Production Namespace: Mem 2Gi)."),
  })
  .prefault({})
  .describe("Requests and limits per instance (003 \"Multi-Environment Namespace Strategy\").");

export const httpRoute = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9/_{}:.-]*$/, "A route path starts with / and uses letters, digits, / _ - . : { }")
    .max(200),
});

export const tlsField = (why: string) => z.boolean().default(true).describe(`Encrypt traffic with TLS. ${why}`);

/** Optional per-component capacity for the simulation; empty keeps the kind's catalog figure. */
export const capacityOverride = (unit: string, typical: string) =>
  z
    .number()
    .positive()
    .max(100_000_000)
    .optional()
    .describe(`Capacity of one instance in ${unit}, used by the simulation. Empty takes the typical figure: ${typical}.`);
