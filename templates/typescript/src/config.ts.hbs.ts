/** Template of src/config.ts: environment variables validated with zod, failing fast with every problem listed. */
export default String.raw`import { z } from "zod";
import { serviceInfo } from "./design.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
{{#if needsRedis}}
const redisUrl = z.url({ protocol: /^rediss?$/, error: "Expected a redis:// or rediss:// URL" });
{{/if}}
{{#if hasDownstream}}
const httpUrl = z.url({ protocol: /^https?$/, error: "Expected an http:// or https:// URL" });
{{/if}}

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(serviceInfo.defaultPort),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
{{#if database}}
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "Expected a postgres:// or postgresql:// URL" }),
{{/if}}
{{#if cache}}
  REDIS_URL: redisUrl,
{{/if}}
{{#each queues}}
  {{environmentVariable}}: redisUrl,
{{/each}}
{{#each downstream}}
  {{environmentVariable}}: httpUrl,
{{/each}}
});

export interface Config {
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
{{#if database}}
  databaseUrl: string;
{{/if}}
{{#if cache}}
  redisUrl: string;
{{/if}}
{{#if hasQueues}}
  /** Redis URL of each queue's local transport, by queue id. */
  queueUrls: Readonly<Record<string, string>>;
{{/if}}
{{#if hasDownstream}}
  /** Base URL of each downstream component, by component id. */
  downstreamUrls: Readonly<Record<string, string>>;
{{/if}}
}

export class ConfigError extends Error {}

/** Reads the configuration once at start-up; a bad or missing variable stops the process with a clear message. */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const result = EnvironmentSchema.safeParse(environment);
  if (!result.success) {
    throw new ConfigError("Invalid configuration:\n" + z.prettifyError(result.error));
  }
  const values = result.data;
  return {
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
{{#if database}}
    databaseUrl: values.DATABASE_URL,
{{/if}}
{{#if cache}}
    redisUrl: values.REDIS_URL,
{{/if}}
{{#if hasQueues}}
    queueUrls: {
{{#each queues}}
      {{idLiteral}}: values.{{environmentVariable}},
{{/each}}
    },
{{/if}}
{{#if hasDownstream}}
    downstreamUrls: {
{{#each downstream}}
      {{idLiteral}}: values.{{environmentVariable}},
{{/each}}
    },
{{/if}}
  };
}
{{#if hasUrlMaps}}

/** The URL configured for a component; loadConfig guarantees one for every component in the design. */
export function configuredUrl(urls: Readonly<Record<string, string>>, componentId: string): string {
  const url = urls[componentId];
  if (url === undefined) throw new ConfigError("No URL is configured for " + componentId);
  return url;
}
{{/if}}
`;
