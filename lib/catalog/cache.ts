import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, portField } from "./shared";

export const cache = defineKind({
  kind: "cache",
  label: "Cache",
  layer: "data",
  description: "In-memory cache (Redis / ElastiCache or Memcached) used cache-aside in front of a database.",
  config: z.object({
    engine: z.enum(["redis", "memcached"]).default("redis").describe("Cache engine: Redis 7.0 (003 \"Redis Cache\")."),
    engineVersion: z.string().regex(/^\d+(\.\d+){0,2}$/, "A version such as 7.0").default("7.0").describe("Engine version: 7.0 (003 \"Redis Cache\")."),
    port: portField(6379, "Redis port 6379 (003 Pod Architecture: Redis Port 6379)."),
    replicas: z.number().int().min(0).max(5).default(1).describe("Read replicas per shard: 1 (003 Cache Scaling: 3 shards with 1 replica each)."),
    shards: z.number().int().min(1).max(250).default(1).describe("Shards in cluster mode (003 Cache Scaling: up to 250 shards)."),
    automaticFailover: z.boolean().default(true).describe("Promote a replica when the primary fails (003 \"Redis Cache\": ElastiCache automated failover)."),
    encryptionInTransit: z.boolean().default(true).describe("TLS between clients and cache (003 Production Namespace: ElastiCache Encryption)."),
    encryptionAtRest: z.boolean().default(true).describe("Encrypt snapshots and storage (003 Production Namespace: ElastiCache Encryption)."),
    ttlSeconds: z.number().int().min(1).max(2_592_000).default(300).describe("Default time to live: 5 minutes (003 \"Redis Cache\" → Data Cache TTL)."),
    evictionPolicy: z.enum(["allkeys-lru", "volatile-lru", "allkeys-lfu", "noeviction"]).default("allkeys-lru").describe("Eviction: LRU (003 \"Redis Cache\" → Eviction: LRU)."),
    expectedHitRatePercent: z.number().min(0).max(100).default(85).describe("Share of reads served from cache: 85 % (003 \"Redis Cache\" → Hit Rate)."),
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "An ElastiCache node type such as cache.t3.medium").default("cache.t3.medium").describe("ElastiCache node type."),
    capacityPerInstance: capacityOverride("ops/s", "10,000 (002 \"Numbers Matter\": Redis ~10k-50k ops/sec)"),
  }),
  acceptsFrom: ["service", "worker"],
  acceptsFromReason: "Only services and workers talk to a cache; it must never be reachable from the internet or a client (003 security groups, 001 NetworkPolicies).",
  defaultProtocol: "tcp",
  capacity: { perInstance: 10_000, unit: "ops/s", latencyMs: 1, source: cite("002", "Numbers Matter") },
  sources: [cite("003", "Redis Cache"), cite("003", "Caching Architecture"), cite("002", "Caching Strategy")],
});
