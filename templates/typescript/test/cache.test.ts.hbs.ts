/** Template of test/cache.test.ts: cache-aside with an in-memory stand-in for Redis. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Registry } from "prom-client";
import { RedisReadCache, type CacheClient } from "../src/cache.js";
import { createLogger } from "../src/logger.js";

class MemoryRedis implements CacheClient {
  readonly values = new Map<string, string>();
  readonly ttls = new Map<string, number>();
  async get(key: string) {
    return this.values.get(key) ?? null;
  }
  async set(key: string, value: string, _mode: "EX", seconds: number) {
    this.values.set(key, value);
    this.ttls.set(key, seconds);
    return "OK";
  }
  async incr(key: string) {
    const next = Number(this.values.get(key) ?? "0") + 1;
    this.values.set(key, String(next));
    return next;
  }
}

class DownRedis implements CacheClient {
  async get(): Promise<string | null> {
    throw new Error("connection refused");
  }
  async set(): Promise<unknown> {
    throw new Error("connection refused");
  }
  async incr(): Promise<number> {
    throw new Error("connection refused");
  }
}

async function counter(registry: Registry, name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values[0]?.value ?? 0;
}

function setup(client: CacheClient) {
  const registry = new Registry();
  const cache = new RedisReadCache(client, { keyPrefix: "cache:orders", ttlSeconds: 300 }, registry, createLogger("test", "silent"));
  let loads = 0;
  const load = async () => {
    loads += 1;
    return { status: 200, answer: loads };
  };
  return { cache, registry, load, loads: () => loads };
}

const always = () => true;

describe("RedisReadCache", () => {
  it("loads on a miss, stores with the TTL and answers the next read from the cache", async () => {
    const redis = new MemoryRedis();
    const { cache, registry, load, loads } = setup(redis);
    assert.deepEqual(await cache.read("/api/orders/1", load, always), { value: { status: 200, answer: 1 }, hit: false });
    assert.deepEqual(await cache.read("/api/orders/1", load, always), { value: { status: 200, answer: 1 }, hit: true });
    assert.equal(loads(), 1);
    assert.deepEqual([...redis.ttls.values()], [300]);
    assert.equal(await counter(registry, "cache_hits_total"), 1);
    assert.equal(await counter(registry, "cache_misses_total"), 1);
  });

  it("makes every cached read stale on invalidate", async () => {
    const { cache, load, loads } = setup(new MemoryRedis());
    await cache.read("/a", load, always);
    await cache.invalidate();
    assert.equal((await cache.read("/a", load, always)).hit, false);
    assert.equal(loads(), 2);
  });

  it("does not store what shouldStore refuses", async () => {
    const { cache, load, loads } = setup(new MemoryRedis());
    await cache.read("/a", load, () => false);
    await cache.read("/a", load, () => false);
    assert.equal(loads(), 2);
  });

  it("falls through to the source when Redis is down", async () => {
    const { cache, registry, load } = setup(new DownRedis());
    assert.deepEqual(await cache.read("/a", load, always), { value: { status: 200, answer: 1 }, hit: false });
    await cache.invalidate();
    assert.equal(await counter(registry, "cache_errors_total"), 2);
  });
});
`;
