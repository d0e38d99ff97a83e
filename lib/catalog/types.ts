import type { z } from "zod";
import type { Citation } from "../model/citation";

/** Palette groups, in the order a request meets them. */
export const LAYERS = ["clients", "edge", "traffic", "compute", "data", "messaging", "operations"] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, string> = {
  clients: "Clients",
  edge: "Edge & security",
  traffic: "Traffic management",
  compute: "Compute",
  data: "Data",
  messaging: "Messaging",
  operations: "Operations",
};

export const PROTOCOLS = ["http", "grpc", "tcp", "async"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** How much one instance of a kind can take, for capacity estimates and simulation. */
export interface Capacity {
  perInstance: number;
  unit: "requests/s" | "queries/s" | "ops/s" | "connections" | "messages/s";
  /** Typical latency added by one hop through this kind, in milliseconds. */
  latencyMs: number;
  source: Citation;
}

/** Turns a kind's stored settings from one version into the next. */
export type SettingsMigration = (config: Record<string, unknown>) => Record<string, unknown>;

export interface ComponentKindDefinition<K extends string = string, C extends z.ZodObject = z.ZodObject> {
  kind: K;
  /** Visible and accessible name, e.g. "Load balancer". */
  label: string;
  layer: Layer;
  /** One sentence shown in the palette tooltip and the inspector header. */
  description: string;
  /** Settings with defaults and help texts; every default names the seed it comes from. */
  config: C;
  /** Kinds allowed to open a connection to this kind. */
  acceptsFrom: readonly string[];
  /** Why only those kinds: shown when a connection is refused. */
  acceptsFromReason: string;
  /** Protocol a new connection into this kind starts with. */
  defaultProtocol: Protocol;
  capacity: Capacity;
  /** Where the kind and its defaults come from. */
  sources: readonly Citation[];
  /**
   * Version of the stored shape of `config`, 1 when absent. Designs are stored without their defaults, so changing a
   * setting's shape or a default changes what saved designs mean: raise this by one and add the step from the previous
   * version to `settingsMigrations` (lib/model/format.test.ts fails until both are done).
   */
  settingsVersion?: number;
  /** `settingsMigrations[n]` turns version-n settings of this kind into version n+1. */
  settingsMigrations?: Readonly<Record<number, SettingsMigration>>;
}

export function defineKind<const K extends string, C extends z.ZodObject>(
  definition: ComponentKindDefinition<K, C>,
): ComponentKindDefinition<K, C> {
  return definition;
}
