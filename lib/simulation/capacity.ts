import { kindDefinition, type Capacity } from "../catalog";
import type { Component } from "../model";

/** What one component can take before it sheds load. */
export interface ComponentCapacity {
  /** Requests per second one instance handles: the component's override or the catalog figure (002 "Numbers Matter"). */
  perInstance: number;
  /** Instances that share the load; for an autoscaled workload, its maximum. */
  instances: number;
  /** Autoscaling bounds and CPU target of a workload that scales with load (003 "Horizontal Pod Autoscaler (HPA)"). */
  autoscaling?: { min: number; max: number; targetPercent: number };
  /** Read replicas of a relational database: reads spread over the primary and its replicas, writes go to the primary. */
  readReplicas: number;
  unit: Capacity["unit"];
  latencyMs: number;
}

export function componentCapacity(component: Component): ComponentCapacity {
  const catalog = kindDefinition(component.kind).capacity;
  const override = "capacityPerInstance" in component.config ? component.config.capacityPerInstance : undefined;
  const base = { perInstance: override ?? catalog.perInstance, instances: 1, readReplicas: 0, unit: catalog.unit, latencyMs: catalog.latencyMs };
  switch (component.kind) {
    case "service":
    case "worker": {
      const { autoscaling, replicas } = component.config;
      if (!autoscaling.enabled) return { ...base, instances: replicas };
      const max = Math.max(autoscaling.minReplicas, autoscaling.maxReplicas);
      return { ...base, instances: max, autoscaling: { min: autoscaling.minReplicas, max, targetPercent: autoscaling.cpuTargetPercent } };
    }
    case "api-gateway":
      // The gateway answers 429 above its throttle rate (004: Throttling 10000/sec rate).
      return { ...base, perInstance: override ?? component.config.throttleRatePerSecond };
    case "cache":
      return { ...base, instances: component.config.shards * (1 + component.config.replicas) };
    case "database":
      return { ...base, readReplicas: component.config.readReplicas };
    case "nosql-database":
      return { ...base, instances: component.config.shards };
    default:
      return base;
  }
}

/**
 * Requests per second the component serves for a given mix. A database with R read replicas spreads reads over
 * R + 1 instances while every write lands on the primary, so its capacity depends on the share of writes.
 */
export function capacityRps(capacity: ComponentCapacity, readShare: number, factor: number): number {
  const full = capacity.perInstance * capacity.instances * factor;
  if (capacity.readReplicas === 0) return full;
  const primaryWork = 1 - readShare + readShare / (1 + capacity.readReplicas);
  return full / primaryWork;
}

/** Instances an autoscaled workload runs to hold its CPU target, within its bounds. */
export function autoscaledInstances(capacity: ComponentCapacity, offeredRps: number): number | undefined {
  const bounds = capacity.autoscaling;
  if (!bounds) return undefined;
  const needed = Math.ceil(offeredRps / (capacity.perInstance * (bounds.targetPercent / 100)) - 1e-9);
  return Math.min(bounds.max, Math.max(bounds.min, needed));
}
