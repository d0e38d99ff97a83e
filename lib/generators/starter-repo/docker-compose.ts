import { cite } from "../../model";
import type { GeneratedFile } from "../types";
import type { StarterRepoFacts } from "./facts";
import { environmentValues, type LocalStore } from "./local-stack";
import { yamlFile } from "./yaml-file";

/** Probes of the data stores, so services start only once their stores answer. */
function storeHealthcheck(store: LocalStore): Record<string, unknown> {
  const test = store.kind === "postgres" ? ["CMD-SHELL", "pg_isready -U \"$${POSTGRES_USER}\" -d \"$${POSTGRES_DB}\""] : ["CMD", "redis-cli", "ping"];
  return { test, interval: "5s", timeout: "3s", retries: 10 };
}

function storeService(store: LocalStore): Record<string, unknown> {
  const common = {
    image: store.image,
    ports: [`${store.hostPort}:${store.containerPort}`],
    healthcheck: storeHealthcheck(store),
    volumes: [`${store.composeName}-data:${store.kind === "postgres" ? "/var/lib/postgresql/data" : "/data"}`],
  };
  if (store.kind === "redis") return common;
  return {
    ...common,
    environment: {
      POSTGRES_USER: "${POSTGRES_USER:-postgres}",
      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD:-postgres}",
      POSTGRES_DB: "postgres",
    },
  };
}

/**
 * docker-compose.yml: every generated service, built from its own Dockerfile, with the PostgreSQL and Redis
 * instances its database, cache and queues need, for local development. Services wait for their data stores
 * to be healthy; they do not wait for each other (a call cycle would deadlock Compose), since each service
 * reports a downstream that is not up yet through /ready.
 */
export function dockerComposeFile(facts: StarterRepoFacts): GeneratedFile {
  const { stack } = facts;
  const services: Record<string, unknown> = {};
  for (const service of stack.services) {
    const stores = stack.stores.filter((store) => service.plan.environment.some((variable) => variable.componentId === store.componentId));
    services[service.composeName] = {
      build: { context: `./${service.plan.directory}` },
      image: `${facts.project}/${service.plan.slug}:dev`,
      environment: environmentValues(stack, service.plan, "compose"),
      ports: [`${service.hostPort}:${service.plan.port}`],
      ...(stores.length > 0 ? { depends_on: Object.fromEntries(stores.map((store) => [store.composeName, { condition: "service_healthy" }])) } : {}),
      restart: "unless-stopped",
    };
  }
  for (const store of stack.stores) services[store.composeName] = storeService(store);
  const volumes = Object.fromEntries(stack.stores.map((store) => [`${store.composeName}-data`, {}]));
  const compose = {
    name: facts.project,
    services,
    ...(stack.stores.length > 0 ? { volumes } : {}),
  };
  return {
    path: "docker-compose.yml",
    contents: yamlFile(
      compose,
      [
        `Local development stack exported by Archway from the design "${facts.design.name}".`,
        "Run: docker compose up --build (reads .env; copy .env.example first to change credentials).",
        ...(stack.stores.some((store) => store.role === "queue") ? ["A queue runs on Redis here: the services carry its messages in Redis streams."] : []),
      ],
      [cite("003", "7. Developer Experience"), cite("003", "Database Architecture"), cite("003", "Caching Architecture")],
    ),
  };
}
