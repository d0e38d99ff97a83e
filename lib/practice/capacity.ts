import { kindDefinition, type ComponentKind } from "../catalog";
import type { Design } from "../model";
import type { CapacityProfile } from "./types";

/*
 * The back-of-the-envelope calculator of the estimate phase: users → requests per second, storage, bandwidth
 * and instances per tier, at the per-instance capacities of the catalogue (002 "Numbers Matter").
 */

const SECONDS_PER_DAY = 86_400;
const KB_PER_GB = 1024 * 1024;
const KB_PER_MB = 1024;

/** Tiers the calculator sizes, with the catalogue kind whose capacity sizes them. */
export const TIERS = [
  { id: "service", label: "Application instances", kind: "service" },
  { id: "cache", label: "Cache nodes", kind: "cache" },
  { id: "database", label: "Database instances (primary + read replicas)", kind: "database" },
  { id: "loadBalancer", label: "Load balancer capacity units", kind: "load-balancer" },
] as const satisfies readonly { id: string; label: string; kind: ComponentKind }[];

export type TierId = (typeof TIERS)[number]["id"];

export interface CapacityEstimate {
  averageRps: number;
  peakRps: number;
  readRps: number;
  writeRps: number;
  /** Data written over the retention period. */
  storageGb: number;
  /** Response bytes leaving at peak. */
  bandwidthMbps: number;
  instances: Record<TierId, number>;
}

/** The figures a candidate types in the estimate phase. */
export type CandidateEstimate = Partial<Pick<CapacityEstimate, "peakRps" | "storageGb" | "bandwidthMbps">> & { instances?: Partial<Record<TierId, number>> };

function perInstance(kind: ComponentKind): number {
  return kindDefinition(kind).capacity.perInstance;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function estimateCapacity(users: number, profile: CapacityProfile): CapacityEstimate {
  const averageRps = (users * profile.requestsPerUserPerDay) / SECONDS_PER_DAY;
  const peakRps = averageRps * profile.peakFactor;
  const readRps = peakRps * profile.readShare;
  const writeRps = peakRps - readRps;
  const writesPerDay = users * profile.requestsPerUserPerDay * (1 - profile.readShare);
  const storageGb = (writesPerDay * 365 * profile.retentionYears * profile.storedPerWriteKb) / KB_PER_GB;
  const bandwidthMbps = (peakRps * profile.responseKb * 8) / KB_PER_MB;
  const databaseReads = readRps * (1 - profile.cacheHitRate);
  return {
    averageRps: round(averageRps),
    peakRps: round(peakRps),
    readRps: round(readRps),
    writeRps: round(writeRps),
    storageGb: round(storageGb),
    bandwidthMbps: round(bandwidthMbps),
    instances: {
      // Two of everything stateful or stateless, so one can fail (002 "Health Checks": unhealthy instances leave the pool).
      service: Math.max(2, Math.ceil(peakRps / perInstance("service"))),
      cache: Math.max(1, Math.ceil(readRps / perInstance("cache"))),
      database: Math.max(1, Math.ceil(writeRps / perInstance("database"))) + Math.ceil(databaseReads / perInstance("database")),
      loadBalancer: Math.max(1, Math.ceil(peakRps / perInstance("load-balancer"))),
    },
  };
}

/** How many instances of each tier the design provides at its normal size. */
export function designInstances(design: Design): Record<TierId, number> {
  const instances: Record<TierId, number> = { service: 0, cache: 0, database: 0, loadBalancer: 0 };
  for (const component of design.components) {
    switch (component.kind) {
      case "service":
        instances.service += component.config.autoscaling.enabled ? component.config.autoscaling.maxReplicas : component.config.replicas;
        break;
      case "cache":
        instances.cache += component.config.shards * (component.config.replicas + 1);
        break;
      case "database":
        instances.database += 1 + component.config.readReplicas;
        break;
      case "nosql-database":
        instances.database += component.config.shards;
        break;
      case "load-balancer":
        instances.loadBalancer += 1;
        break;
      default:
        break;
    }
  }
  return instances;
}

export type EstimateVerdict = "close" | "low" | "high" | "missing";

/** Within a factor of two of the calculator is a good estimate; interviews reward the order of magnitude. */
export function judgeEstimate(candidate: number | undefined, reference: number): EstimateVerdict {
  if (candidate === undefined || !Number.isFinite(candidate)) return "missing";
  if (reference === 0) return candidate <= 1 ? "close" : "high";
  const ratio = candidate / reference;
  if (ratio < 0.5) return "low";
  if (ratio > 2) return "high";
  return "close";
}

export interface EstimateComparison {
  figure: string;
  label: string;
  candidate?: number;
  reference: number;
  /** What the final design provides, for instance counts. */
  design?: number;
  verdict: EstimateVerdict;
}

export function compareEstimates(candidate: CandidateEstimate | undefined, reference: CapacityEstimate, design: Design): EstimateComparison[] {
  const provided = designInstances(design);
  const figures: EstimateComparison[] = [
    { figure: "peakRps", label: "Peak requests per second", candidate: candidate?.peakRps, reference: reference.peakRps, verdict: "missing" },
    { figure: "storageGb", label: "Storage over the retention period (GB)", candidate: candidate?.storageGb, reference: reference.storageGb, verdict: "missing" },
    { figure: "bandwidthMbps", label: "Peak egress bandwidth (Mbit/s)", candidate: candidate?.bandwidthMbps, reference: reference.bandwidthMbps, verdict: "missing" },
    ...TIERS.map((tier) => ({
      figure: `instances.${tier.id}`,
      label: tier.label,
      candidate: candidate?.instances?.[tier.id],
      reference: reference.instances[tier.id],
      design: provided[tier.id],
      verdict: "missing" as EstimateVerdict,
    })),
  ];
  return figures.map((figure) => ({ ...figure, verdict: judgeEstimate(figure.candidate, figure.reference) }));
}
