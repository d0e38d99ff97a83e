/** Template of src/index.ts: the composition root that wires configuration, dependencies and the server. */
export default String.raw`{{#if cache}}
import { RedisReadCache } from "./cache.js";
{{/if}}
import { ConfigError, {{#if hasUrlMaps}}configuredUrl, {{/if}}loadConfig, type Config } from "./config.js";
{{#if hasConsumers}}
import { createMessageHandler, startConsumer } from "./consumer.js";
{{/if}}
import * as design from "./design.js";
{{#if hasDownstream}}
import { DownstreamClient, createDownstreamMetrics } from "./downstream.js";
{{/if}}
import { createRouteHandler } from "./handlers.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
{{#if hasQueues}}
import { RedisStreamQueue, createQueueMetrics } from "./queue.js";
{{/if}}
import { checkReadiness, type DependencyCheck } from "./readiness.js";
{{#if needsRedis}}
import { closeRedis, connectRedis } from "./redis.js";
{{/if}}
import { createApp } from "./server.js";
import { installGracefulShutdown } from "./shutdown.js";
{{#if database}}
import { PostgresItemStore, createPool } from "./store.js";
{{/if}}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + "\n");
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = createLogger(design.serviceInfo.id, config.logLevel);
const metrics = createMetrics(design.serviceInfo.id);
const checks: DependencyCheck[] = [];
const closeResources: (() => Promise<void>)[] = [];
{{#if database}}

const pool = createPool(config.databaseUrl, design.database.pool);
pool.on("error", (error) => logger.warn({ err: error }, "an idle database connection failed"));
const store = new PostgresItemStore(pool, design.database.table);
checks.push({ name: "database", check: () => store.ping() });
closeResources.push(() => pool.end());
{{/if}}
{{#if cache}}

const cacheClient = connectRedis(config.redisUrl, logger, { role: "cache", commandTimeoutMs: 1000 });
const cache = new RedisReadCache(cacheClient, design.cache, metrics.registry, logger);
checks.push({
  name: "cache",
  check: async () => {
    await cacheClient.ping();
  },
});
closeResources.push(() => closeRedis(cacheClient));
{{/if}}
{{#if hasDownstream}}

const downstreamMetrics = createDownstreamMetrics(metrics.registry);
const downstream = design.downstreamServices.map(
  (definition) => new DownstreamClient(definition, configuredUrl(config.downstreamUrls, definition.id), downstreamMetrics, logger),
);
for (const client of downstream) {
  checks.push({ name: "downstream:" + client.id, check: (signal) => client.checkHealth(signal) });
}
{{/if}}
{{#if hasQueues}}

/** Long-poll time of a consumer's blocking read; its connection's command timeout must exceed it. */
const CONSUMER_WAIT_MS = 1000;
const queueMetrics = createQueueMetrics(metrics.registry);
const publishers: RedisStreamQueue[] = [];
const receivers: RedisStreamQueue[] = [];
for (const definition of design.queues) {
  const url = configuredUrl(config.queueUrls, definition.id);
  // A consumer blocks its connection while it waits, so publishing and consuming never share one.
  const connect = (role: string, commandTimeoutMs: number) => {
    const client = connectRedis(url, logger, { role, commandTimeoutMs });
    checks.push({
      name: role,
      check: async () => {
        await client.ping();
      },
    });
    closeResources.push(() => closeRedis(client));
    return client;
  };
  if (definition.publishes) {
    publishers.push(new RedisStreamQueue(connect("queue:" + definition.id, 2000), definition, queueMetrics, logger));
  }
  if (definition.consumes) {
    receivers.push(new RedisStreamQueue(connect("queue:" + definition.id + ":consumer", CONSUMER_WAIT_MS + 2000), definition, queueMetrics, logger));
  }
}
{{/if}}

const handle = createRouteHandler({
  serviceId: design.serviceInfo.id,
  {{#if database}}store{{else}}store: null{{/if}},
  {{#if cache}}cache{{else}}cache: null{{/if}},
  {{#if hasDownstream}}downstream{{else}}downstream: []{{/if}},
  {{#if hasQueues}}publishers{{else}}publishers: []{{/if}},
});
{{#if hasConsumers}}

const handleMessage = createMessageHandler({
  serviceId: design.serviceInfo.id,
  {{#if database}}store{{else}}store: null{{/if}},
  publishers,
  logger,
});
const consumers = receivers.map((receiver) =>
  startConsumer(receiver, handleMessage, { concurrency: design.consumerConcurrency, logger, metrics: queueMetrics, waitMs: CONSUMER_WAIT_MS }),
);
{{/if}}

const app = createApp({ routes: design.routes, handle, readiness: () => checkReadiness(checks), metrics, logger });
app.server.on("error", (error) => {
  logger.fatal({ err: error }, "the HTTP server failed");
  process.exit(1);
});
app.server.listen(config.port, () => logger.info({ port: config.port }, "listening"));
installGracefulShutdown({ app, logger, backgroundWork: {{#if hasConsumers}}consumers{{else}}[]{{/if}}, closeResources });
`;
