import { apiGateway } from "./api-gateway";
import { cache } from "./cache";
import { cdn } from "./cdn";
import { client } from "./client";
import { database } from "./database";
import { dns } from "./dns";
import { loadBalancer } from "./load-balancer";
import { nosqlDatabase } from "./nosql-database";
import { objectStorage } from "./object-storage";
import { observability } from "./observability";
import { queue } from "./queue";
import { rateLimiter } from "./rate-limiter";
import { reverseProxy } from "./reverse-proxy";
import { secretsManager } from "./secrets-manager";
import { service } from "./service";
import { waf } from "./waf";
import { worker } from "./worker";
import type { ComponentKindDefinition } from "./types";

/** Every component kind, in palette order. Adding a kind: its file, a line here, public/icons/<kind>.svg. */
export const COMPONENT_KINDS = [
  client,
  dns,
  cdn,
  waf,
  rateLimiter,
  loadBalancer,
  apiGateway,
  reverseProxy,
  service,
  worker,
  cache,
  database,
  nosqlDatabase,
  objectStorage,
  queue,
  observability,
  secretsManager,
] as const;

export type ComponentKindDefinitions = typeof COMPONENT_KINDS;
export type ComponentKind = ComponentKindDefinitions[number]["kind"];

export const COMPONENT_KIND_IDS = COMPONENT_KINDS.map((definition) => definition.kind) as [ComponentKind, ...ComponentKind[]];

const byKind = new Map<string, ComponentKindDefinition>(COMPONENT_KINDS.map((definition) => [definition.kind, definition]));

export function isComponentKind(kind: string): kind is ComponentKind {
  return byKind.has(kind);
}

export function kindDefinition(kind: ComponentKind): ComponentKindDefinition<ComponentKind> {
  const definition = byKind.get(kind);
  if (!definition) throw new Error(`Unknown component kind "${kind}"`);
  return definition as ComponentKindDefinition<ComponentKind>;
}

/** The kind's config with every default filled in. */
export function defaultConfig(kind: ComponentKind): Record<string, unknown> {
  return kindDefinition(kind).config.parse({}) as Record<string, unknown>;
}

export { LAYERS, LAYER_LABELS, PROTOCOLS } from "./types";
export type { ComponentKindDefinition, Layer, Protocol, Capacity } from "./types";
