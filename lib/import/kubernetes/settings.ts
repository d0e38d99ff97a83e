import { isRecord } from "./parse";

/**
 * Settings read from a pod spec, each kept only when it fits the catalogue's constraint for that field, so the
 * imported design always parses; anything else keeps the catalogue's default.
 */

export function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

const CPU = /^\d+(\.\d+)?m?$/;
const MEMORY = /^\d+(Ki|Mi|Gi)$/;
const PATH = /^\/[A-Za-z0-9/_{}:.-]*$/;

function quantity(value: unknown, pattern: RegExp): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && pattern.test(text) ? text : undefined;
}

function defined(entries: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export function containersOf(podSpec: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(podSpec.containers) ? podSpec.containers.filter(isRecord) : [];
}

/** The first container port, as a number. */
export function firstPort(containers: readonly Record<string, unknown>[]): number | undefined {
  for (const container of containers) {
    for (const port of Array.isArray(container.ports) ? container.ports : []) {
      const number = isRecord(port) ? intIn(port.containerPort, 1, 65535) : undefined;
      if (number !== undefined) return number;
    }
  }
  return undefined;
}

function probePath(probe: unknown): string | undefined {
  if (!isRecord(probe) || !isRecord(probe.httpGet)) return undefined;
  const path = probe.httpGet.path;
  return typeof path === "string" && path.length <= 200 && PATH.test(path) ? path : undefined;
}

/** Liveness and readiness paths, period and failure threshold of the first container's probes. */
export function probeSettings(container: Record<string, unknown>): Record<string, unknown> | undefined {
  const timing = isRecord(container.livenessProbe) ? container.livenessProbe : isRecord(container.readinessProbe) ? container.readinessProbe : {};
  return defined({
    livenessPath: probePath(container.livenessProbe),
    readinessPath: probePath(container.readinessProbe),
    periodSeconds: intIn(timing.periodSeconds, 1, 300),
    failureThreshold: intIn(timing.failureThreshold, 1, 10),
  });
}

/** Requests and limits of the first container, in the quantities the catalogue accepts. */
export function resourceSettings(container: Record<string, unknown>): Record<string, unknown> | undefined {
  const resources = isRecord(container.resources) ? container.resources : {};
  const requests = isRecord(resources.requests) ? resources.requests : {};
  const limits = isRecord(resources.limits) ? resources.limits : {};
  return defined({
    cpuRequest: quantity(requests.cpu, CPU),
    memoryRequest: quantity(requests.memory, MEMORY),
    cpuLimit: quantity(limits.cpu, CPU),
    memoryLimit: quantity(limits.memory, MEMORY),
  });
}

/** Whether the pods are spread over zones (a topology spread constraint on the zone label). */
export function spreadsAcrossZones(podSpec: Record<string, unknown>): boolean {
  const constraints = Array.isArray(podSpec.topologySpreadConstraints) ? podSpec.topologySpreadConstraints : [];
  return constraints.some((constraint) => isRecord(constraint) && constraint.topologyKey === "topology.kubernetes.io/zone");
}

/** Autoscaling bounds and targets of a HorizontalPodAutoscaler (autoscaling/v2 metrics or v1's CPU target). */
export function autoscalingSettings(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const maxReplicas = intIn(spec.maxReplicas, 1, 1000);
  if (maxReplicas === undefined) return undefined;
  const minReplicas = Math.min(intIn(spec.minReplicas, 1, 1000) ?? 1, maxReplicas);
  const utilisation = (name: string) => {
    for (const metric of Array.isArray(spec.metrics) ? spec.metrics : []) {
      if (!isRecord(metric) || !isRecord(metric.resource) || metric.resource.name !== name || !isRecord(metric.resource.target)) continue;
      return intIn(metric.resource.target.averageUtilization, 1, 100);
    }
    return undefined;
  };
  return defined({
    enabled: true,
    minReplicas,
    maxReplicas,
    cpuTargetPercent: utilisation("cpu") ?? intIn(spec.targetCPUUtilizationPercentage, 1, 100),
    memoryTargetPercent: utilisation("memory"),
  });
}
