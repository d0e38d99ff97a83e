/** Template of src/redis.ts: Redis connections for the cache and the local queue transport. */
export default String.raw`import { Redis } from "ioredis";
import type { Logger } from "./logger.js";

export interface RedisConnectionOptions {
  /** What the connection is for, in log lines: "cache" or "queue:<id>". */
  role: string;
  /** Longest wait for one command; a blocking read needs more than its own block time. */
  commandTimeoutMs: number;
}

/**
 * Connects in the background: the service starts even while Redis is down, /ready reports it, and
 * ioredis keeps reconnecting. A command fails after one reconnection attempt instead of queueing forever.
 */
export function connectRedis(url: string, logger: Logger, options: RedisConnectionOptions): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: 1,
  });
  client.on("error", (error: Error) => logger.warn({ err: error, role: options.role }, "redis connection error"));
  client.connect().catch(() => undefined);
  return client;
}

/** QUIT lets pending replies arrive first; a connection that never came up is simply dropped. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit();
  else client.disconnect();
}
`;
