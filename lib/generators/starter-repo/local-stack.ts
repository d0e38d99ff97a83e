import type { ComponentOf, Design } from "../../model";
import { ComponentNames } from "../component-names";
import type { ServicePlan } from "../typescript/plan";

/**
 * The local development stack that docker-compose.yml, .env.example and the README describe: every
 * generated service plus the data stores they use, each under a Compose service name and a host port.
 * A queue runs on Redis locally, as the generated services carry its messages in Redis streams.
 */

export type LocalStoreKind = "postgres" | "redis";

export interface LocalStore {
  componentId: string;
  componentName: string;
  kind: LocalStoreKind;
  /** What the design uses it as: a database, a cache or a queue. */
  role: "database" | "cache" | "queue";
  composeName: string;
  image: string;
  containerPort: number;
  hostPort: number;
}

export interface LocalService {
  plan: ServicePlan;
  composeName: string;
  hostPort: number;
}

export interface LocalStack {
  services: LocalService[];
  stores: LocalStore[];
}

export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
export const POSTGRES_DEFAULTS = { user: "postgres", password: "postgres", database: "postgres" } as const;

/** `postgres:16-alpine` from an engine version such as "16" or "15.4"; the latest supported major when unparseable. */
function postgresImage(database: ComponentOf<"database"> | undefined): string {
  const major = /^(\d+)/.exec(database?.config.engineVersion ?? "")?.[1];
  return `postgres:${major ?? "16"}-alpine`;
}

/** `redis:7-alpine` from an engine version such as "7.1"; Redis tags minor releases unevenly, so only the major is used. */
function redisImage(cache: ComponentOf<"cache"> | undefined): string {
  const major = cache?.config.engine === "redis" ? /^(\d+)/.exec(cache.config.engineVersion)?.[1] : undefined;
  return `redis:${major ?? "7"}-alpine`;
}

/** Host ports in order of request: each gets the port it asks for unless taken, else the next free one above. */
function hostPortAllocator(): (wanted: number) => number {
  const taken = new Set<number>();
  return (wanted) => {
    let port = wanted;
    while (taken.has(port)) port = port >= 65535 ? 1024 : port + 1;
    taken.add(port);
    return port;
  };
}

export function localStack(design: Design, plans: readonly ServicePlan[]): LocalStack {
  const components = new Map(design.components.map((component) => [component.id, component]));
  const allocate = hostPortAllocator();
  // Compose service names (also host names on the Compose network) are the components' name slugs.
  const names = new ComponentNames(design);
  const services = plans.map((plan) => ({ plan, composeName: names.of(plan.component).compose, hostPort: allocate(plan.port) }));

  const stores = new Map<string, Omit<LocalStore, "hostPort">>();
  const add = (componentId: string, componentName: string, kind: LocalStoreKind, role: LocalStore["role"]) => {
    if (stores.has(componentId)) return;
    const component = components.get(componentId);
    const image = kind === "postgres" ? postgresImage(component?.kind === "database" ? component : undefined) : redisImage(component?.kind === "cache" ? component : undefined);
    stores.set(componentId, { componentId, componentName, kind, role, composeName: names.of({ id: componentId }).compose, image, containerPort: kind === "postgres" ? POSTGRES_PORT : REDIS_PORT });
  };
  for (const plan of plans) {
    if (plan.database) add(plan.database.componentId, plan.database.componentName, "postgres", "database");
    if (plan.cache) add(plan.cache.componentId, plan.cache.componentName, "redis", "cache");
    for (const queue of plan.queues) add(queue.componentId, queue.componentName, "redis", "queue");
  }
  return {
    services,
    stores: [...stores.values()].map((store) => ({ ...store, hostPort: allocate(store.containerPort) })),
  };
}

/**
 * The value of each variable of `plan` when the service runs in Compose (`"compose"`: container names and
 * ports) or on the host (`"host"`: localhost and the published ports, the service itself on its host port).
 */
export function environmentValues(stack: LocalStack, plan: ServicePlan, network: "compose" | "host"): Record<string, string> {
  const store = (componentId: string | null) => stack.stores.find((candidate) => candidate.componentId === componentId);
  const service = (componentId: string) => stack.services.find((candidate) => candidate.plan.component.id === componentId);
  const address = (host: string, containerPort: number, hostPort: number) => (network === "compose" ? `${host}:${containerPort}` : `localhost:${hostPort}`);
  const credentials = network === "compose" ? "${POSTGRES_USER:-postgres}:${POSTGRES_PASSWORD:-postgres}" : `${POSTGRES_DEFAULTS.user}:${POSTGRES_DEFAULTS.password}`;
  const values: Record<string, string> = {};
  for (const variable of plan.environment) {
    const target = store(variable.componentId);
    switch (variable.purpose) {
      case "port":
        values[variable.name] = String(network === "compose" ? plan.port : (service(plan.component.id)?.hostPort ?? plan.port));
        break;
      case "log-level":
        values[variable.name] = "info";
        break;
      case "database":
        values[variable.name] = target
          ? `postgres://${credentials}@${address(target.composeName, target.containerPort, target.hostPort)}/${POSTGRES_DEFAULTS.database}`
          : variable.example;
        break;
      case "cache":
      case "queue":
        values[variable.name] = target ? `redis://${address(target.composeName, target.containerPort, target.hostPort)}` : variable.example;
        break;
      case "downstream": {
        const callee = plan.downstream.find((downstream) => downstream.environmentVariable === variable.name);
        const answering = callee ? service(callee.serviceId) : undefined;
        values[variable.name] = answering ? `http://${address(answering.composeName, answering.plan.port, answering.hostPort)}` : variable.example;
        break;
      }
    }
  }
  return values;
}
