import { describe, expect, test } from "vitest";
import { cacheTtl as rule } from "./cache-ttl";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("cache", "ttl-fail", { name: "Products cache", config: { ttlSeconds: 604_800 } })
  .component("cache", "evict-fail", { name: "Sessions", config: { evictionPolicy: "noeviction" } })
  .component("cache", "cache-pass", { config: { ttlSeconds: 1800 } })
  .build();

describe("cache-ttl", () => {
  test("flags entries kept for more than a day and caches that never evict", () => {
    expect(findingIds(rule, design)).toEqual(["cache-ttl:ttl-fail", "cache-ttl:evict-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Products cache keeps entries for 168 hours.",
      "Sessions never evicts, so it rejects writes once full.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix restores the seed's 5-minute TTL and LRU eviction where wrong", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "cache-ttl:ttl-fail"), "cache-ttl:evict-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:evict-fail", "~component:ttl-fail"]);
    const settings = ["ttl-fail", "evict-fail"].map((id) => {
      const cache = componentIn(fixed, id);
      return cache.kind === "cache" ? [cache.config.ttlSeconds, cache.config.evictionPolicy] : [];
    });
    expect(settings).toEqual([
      [300, "allkeys-lru"],
      [300, "allkeys-lru"],
    ]);
  });
});
