/** Template of src/cache.ts: cache-aside reads on Redis with hit and miss counters. */
export default String.raw`import { Counter, type Registry } from "prom-client";
import type { CachedRead, ReadCache } from "./handlers.js";
import type { Logger } from "./logger.js";

/** The Redis commands cache-aside needs; an ioredis client provides them, a test can fake them. */
export interface CacheClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: "EX", seconds: number): Promise<unknown>;
  incr(key: string): Promise<number>;
}

export interface CacheSettings {
  keyPrefix: string;
  ttlSeconds: number;
}

/**
 * Cache-aside (seed 002 "Caching Strategy"): read the key, on a miss load from the source and store the
 * result with the TTL. Writes bump a generation number that is part of every key, so one INCR makes all
 * cached reads of this service stale at once; the orphaned entries expire with their TTL. When Redis is
 * unreachable, reads fall through to the source instead of failing (graceful degradation).
 */
export class RedisReadCache implements ReadCache {
  private readonly hits: Counter;
  private readonly misses: Counter;
  private readonly errors: Counter;

  constructor(
    private readonly client: CacheClient,
    private readonly settings: CacheSettings,
    registry: Registry,
    private readonly logger: Logger,
  ) {
    this.hits = new Counter({ name: "cache_hits_total", help: "Reads answered from the cache.", registers: [registry] });
    this.misses = new Counter({ name: "cache_misses_total", help: "Reads that had to load from the source.", registers: [registry] });
    this.errors = new Counter({ name: "cache_errors_total", help: "Cache commands that failed; the read went to the source.", registers: [registry] });
  }

  private get generationKey(): string {
    return this.settings.keyPrefix + ":generation";
  }

  async read<T>(key: string, load: () => Promise<T>, shouldStore: (value: T) => boolean): Promise<CachedRead<T>> {
    let cacheKey: string | null = null;
    try {
      const generation = (await this.client.get(this.generationKey)) ?? "0";
      cacheKey = this.settings.keyPrefix + ":v" + generation + ":" + key;
      const cached = await this.client.get(cacheKey);
      if (cached !== null) {
        this.hits.inc();
        return { value: JSON.parse(cached) as T, hit: true };
      }
    } catch (error) {
      this.errors.inc();
      this.logger.warn({ err: error }, "cache read failed; loading from the source");
    }
    this.misses.inc();
    const value = await load();
    if (cacheKey !== null && shouldStore(value)) {
      await this.client.set(cacheKey, JSON.stringify(value), "EX", this.settings.ttlSeconds).catch((error: unknown) => {
        this.errors.inc();
        this.logger.warn({ err: error }, "cache write failed");
      });
    }
    return { value, hit: false };
  }

  async invalidate(): Promise<void> {
    try {
      await this.client.incr(this.generationKey);
    } catch (error) {
      this.errors.inc();
      this.logger.warn({ err: error }, "cache invalidation failed; cached reads stay until their TTL ends");
    }
  }
}
`;
