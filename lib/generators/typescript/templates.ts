import dockerfile from "../../../templates/typescript/Dockerfile.hbs";
import dockerignore from "../../../templates/typescript/dockerignore.hbs";
import gitignore from "../../../templates/typescript/gitignore.hbs";
import readme from "../../../templates/typescript/README.md.hbs";
import cacheSource from "../../../templates/typescript/src/cache.ts.hbs";
import configSource from "../../../templates/typescript/src/config.ts.hbs";
import consumerSource from "../../../templates/typescript/src/consumer.ts.hbs";
import designSource from "../../../templates/typescript/src/design.ts.hbs";
import downstreamSource from "../../../templates/typescript/src/downstream.ts.hbs";
import handlersSource from "../../../templates/typescript/src/handlers.ts.hbs";
import indexSource from "../../../templates/typescript/src/index.ts.hbs";
import loggerSource from "../../../templates/typescript/src/logger.ts.hbs";
import metricsSource from "../../../templates/typescript/src/metrics.ts.hbs";
import queueSource from "../../../templates/typescript/src/queue.ts.hbs";
import readinessSource from "../../../templates/typescript/src/readiness.ts.hbs";
import redisSource from "../../../templates/typescript/src/redis.ts.hbs";
import resilienceSource from "../../../templates/typescript/src/resilience.ts.hbs";
import routesSource from "../../../templates/typescript/src/routes.ts.hbs";
import serverSource from "../../../templates/typescript/src/server.ts.hbs";
import shutdownSource from "../../../templates/typescript/src/shutdown.ts.hbs";
import storeSource from "../../../templates/typescript/src/store.ts.hbs";
import cacheTest from "../../../templates/typescript/test/cache.test.ts.hbs";
import configTest from "../../../templates/typescript/test/config.test.ts.hbs";
import consumerTest from "../../../templates/typescript/test/consumer.test.ts.hbs";
import downstreamTest from "../../../templates/typescript/test/downstream.test.ts.hbs";
import handlersTest from "../../../templates/typescript/test/handlers.test.ts.hbs";
import resilienceTest from "../../../templates/typescript/test/resilience.test.ts.hbs";
import routesTest from "../../../templates/typescript/test/routes.test.ts.hbs";
import serverTest from "../../../templates/typescript/test/server.test.ts.hbs";
import type { ServicePlan } from "./plan";

/**
 * The templated files of a generated service. Templates are TypeScript modules exporting the template
 * text (String.raw, so it reads as the generated file does), because the generator must also run in the
 * browser and in the CLI, where no file system or raw-text loader is available.
 */
export interface ServiceTemplate {
  path: string;
  purpose: string;
  template: string;
  /** Whether a service with this plan gets the file; modules for absent dependencies are left out. */
  include: (plan: ServicePlan) => boolean;
}

const always = () => true;
const hasDatabase = (plan: ServicePlan) => plan.database !== null;
const hasCache = (plan: ServicePlan) => plan.cache !== null;
const hasDownstream = (plan: ServicePlan) => plan.downstream.length > 0;
const hasQueues = (plan: ServicePlan) => plan.queues.length > 0;
const consumes = (plan: ServicePlan) => plan.queues.some((queue) => queue.consumes);

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  { path: ".dockerignore", purpose: "Keeps local installs and builds out of the image.", template: dockerignore, include: always },
  { path: ".gitignore", purpose: "Build output and installs.", template: gitignore, include: always },
  { path: "Dockerfile", purpose: "Multi-stage image on node:20-alpine, non-root.", template: dockerfile, include: always },
  { path: "README.md", purpose: "This file.", template: readme, include: always },
  { path: "src/cache.ts", purpose: "Cache-aside on Redis with hit and miss counters.", template: cacheSource, include: hasCache },
  { path: "src/config.ts", purpose: "Environment variables, validated with zod.", template: configSource, include: always },
  { path: "src/consumer.ts", purpose: "Consume loop and message handling.", template: consumerSource, include: consumes },
  { path: "src/design.ts", purpose: "The design's settings for this service.", template: designSource, include: always },
  { path: "src/downstream.ts", purpose: "HTTP clients to downstream services.", template: downstreamSource, include: hasDownstream },
  { path: "src/handlers.ts", purpose: "What each route does, against interfaces.", template: handlersSource, include: always },
  { path: "src/index.ts", purpose: "Entry point: wires configuration, dependencies and the server.", template: indexSource, include: always },
  { path: "src/logger.ts", purpose: "pino JSON logger.", template: loggerSource, include: always },
  { path: "src/metrics.ts", purpose: "prom-client registry and HTTP metrics.", template: metricsSource, include: always },
  { path: "src/queue.ts", purpose: "Queues on Redis streams behind an SQS-shaped interface.", template: queueSource, include: hasQueues },
  { path: "src/readiness.ts", purpose: "Dependency checks for /ready.", template: readinessSource, include: always },
  {
    path: "src/redis.ts",
    purpose: "Redis connections that start in the background.",
    template: redisSource,
    include: (plan) => hasCache(plan) || hasQueues(plan),
  },
  { path: "src/resilience.ts", purpose: "Backoff math and the timeout, retry and breaker policy.", template: resilienceSource, include: hasDownstream },
  { path: "src/routes.ts", purpose: "Route matching and filling.", template: routesSource, include: always },
  { path: "src/server.ts", purpose: "HTTP server, probes, metrics endpoint, request ids.", template: serverSource, include: always },
  { path: "src/shutdown.ts", purpose: "Graceful shutdown on SIGTERM and SIGINT.", template: shutdownSource, include: always },
  { path: "src/store.ts", purpose: "PostgreSQL pool and this service's items table.", template: storeSource, include: hasDatabase },
  { path: "test/cache.test.ts", purpose: "Tests of cache-aside.", template: cacheTest, include: hasCache },
  { path: "test/config.test.ts", purpose: "Tests of the configuration.", template: configTest, include: always },
  { path: "test/consumer.test.ts", purpose: "Tests of the consume loop.", template: consumerTest, include: consumes },
  { path: "test/downstream.test.ts", purpose: "Tests of the downstream client.", template: downstreamTest, include: hasDownstream },
  { path: "test/handlers.test.ts", purpose: "Tests of the route semantics.", template: handlersTest, include: always },
  { path: "test/resilience.test.ts", purpose: "Tests of backoff, retries, breaker and timeout.", template: resilienceTest, include: hasDownstream },
  { path: "test/routes.test.ts", purpose: "Tests of route matching.", template: routesTest, include: always },
  { path: "test/server.test.ts", purpose: "Tests of the HTTP layer.", template: serverTest, include: always },
];
