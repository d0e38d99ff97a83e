import type { ComponentKind } from "../catalog";
import type { Design } from "../model";
import { buildDesign, type ComponentSpec, type ConnectionSpec, type GridCell } from "../templates/support/build";

/*
 * Reference answers share the front of 002's "Complete Architecture Diagram": users → DNS → CDN → WAF →
 * rate limiter → load balancer, services in an application subnet, data in a data subnet, every workload
 * reporting to one observability stack. Scenarios add their services, stores and wiring.
 */

/** Ids of the shared parts, which rubric mutations refer to. */
export const EDGE = {
  users: "users",
  dns: "dns",
  cdn: "cdn",
  waf: "waf",
  rateLimiter: "rate-limiter",
  loadBalancer: "alb",
  observability: "observability",
} as const;

type Unplaced<T> = T extends unknown ? Omit<T, "at" | "zoneId"> : never;
type PartSpec = Unplaced<ComponentSpec>;

export interface ReferenceSpec {
  name: string;
  description: string;
  /** Peak requests per second the users send. */
  usersRps: number;
  /** Services the load balancer routes to. */
  front: readonly string[];
  services: readonly PartSpec[];
  workers?: readonly PartSpec[];
  /** Databases, caches, queues, object storage. */
  data: readonly PartSpec[];
  connections: readonly ConnectionSpec[];
  /**
   * Requests per second the load balancer carries, for a stage whose load passes 002's ~10k figure for one node
   * ("Numbers Matter"): a managed ALB adds nodes as load grows and is billed per LCU (003 "Cost Optimization").
   */
  loadBalancerCapacity?: number;
}

/** Timeouts shrink along the path (002 "Timeout Configuration"); calls into data stores are short. */
const TIMEOUT_BY_TARGET: Partial<Record<ComponentKind, number>> = {
  cache: 1_000,
  database: 5_000,
  "nosql-database": 5_000,
  "object-storage": 10_000,
  service: 10_000,
};

export function webReference(spec: ReferenceSpec): Design {
  const kinds = new Map<string, ComponentKind>([...spec.services, ...(spec.workers ?? []), ...spec.data].map((part) => [part.id, part.kind]));
  const place = (parts: readonly PartSpec[], zoneId: string, cell: (index: number) => GridCell): ComponentSpec[] =>
    parts.map((part, index) => ({ ...part, zoneId, at: cell(index) }) as ComponentSpec);
  const workloads = [...spec.services, ...(spec.workers ?? [])];
  const timed = (connection: ConnectionSpec): ConnectionSpec => {
    const kind = kinds.get(connection.target);
    const timeoutMs = connection.protocol === "async" || kind === undefined ? undefined : TIMEOUT_BY_TARGET[kind];
    return connection.timeoutMs === undefined && timeoutMs !== undefined ? { ...connection, timeoutMs } : connection;
  };
  return buildDesign({
    name: spec.name,
    description: spec.description,
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "public-subnet", kind: "public-subnet", name: "Public subnet", parentId: "vpc" },
      { id: "app-subnet", kind: "private-subnet", name: "Application subnet", parentId: "vpc" },
      { id: "data-subnet", kind: "private-subnet", name: "Data subnet", parentId: "vpc" },
    ],
    components: [
      { id: EDGE.users, kind: "client", name: "Users", at: [0, 1], config: { requestsPerSecond: spec.usersRps } },
      { id: EDGE.dns, kind: "dns", name: "DNS", at: [1, 1] },
      { id: EDGE.cdn, kind: "cdn", name: "CDN", at: [2, 1] },
      { id: EDGE.waf, kind: "waf", name: "WAF", at: [3, 1] },
      { id: EDGE.rateLimiter, kind: "rate-limiter", name: "Rate limiter", at: [4, 1] },
      {
        id: EDGE.loadBalancer,
        kind: "load-balancer",
        name: "Load balancer",
        zoneId: "public-subnet",
        at: [5, 1],
        ...(spec.loadBalancerCapacity === undefined ? {} : { config: { capacityPerInstance: spec.loadBalancerCapacity } }),
      },
      ...place(spec.services, "app-subnet", (index) => [6, index * 1.2]),
      ...place(spec.workers ?? [], "app-subnet", (index) => [7.5, index * 1.2]),
      ...place(spec.data, "data-subnet", (index) => [6 + (index % 4) * 1.1, 4 + Math.floor(index / 4) * 1.2]),
      { id: EDGE.observability, kind: "observability", name: "Observability", zoneId: "us-east-1", at: [11, 1] },
    ],
    connections: [
      { source: EDGE.users, target: EDGE.dns, timeoutMs: 60_000 },
      { source: EDGE.dns, target: EDGE.cdn, timeoutMs: 55_000 },
      { source: EDGE.cdn, target: EDGE.waf, timeoutMs: 50_000 },
      { source: EDGE.waf, target: EDGE.rateLimiter, timeoutMs: 50_000 },
      { source: EDGE.rateLimiter, target: EDGE.loadBalancer, timeoutMs: 50_000 },
      ...spec.front.map((service) => ({ source: EDGE.loadBalancer, target: service, timeoutMs: 45_000 })),
      ...spec.connections.map(timed),
      ...workloads.map((workload) => ({ source: workload.id, target: EDGE.observability, protocol: "async" as const })),
    ],
  });
}
