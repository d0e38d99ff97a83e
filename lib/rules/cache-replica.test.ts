import { describe, expect, test } from "vitest";
import { cacheReplica as rule } from "./cache-replica";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("cache", "cache-fail", { name: "Sessions", config: { replicas: 0, automaticFailover: false } })
  .component("cache", "failover-fail", { config: { replicas: 2, automaticFailover: false } })
  .component("cache", "cache-pass")
  .build();

describe("cache-replica", () => {
  test("flags caches without a replica or failover", () => {
    expect(findingIds(rule, design)).toEqual(["cache-replica:cache-fail", "cache-replica:failover-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Sessions has no replica and does not fail over automatically: if its primary fails, every read falls through to the database.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix adds a replica only where missing and turns on failover", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "cache-replica:cache-fail"), "cache-replica:failover-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:cache-fail", "~component:failover-fail"]);
    const replicas = ["cache-fail", "failover-fail"].map((id) => {
      const cache = componentIn(fixed, id);
      return cache.kind === "cache" ? [cache.config.replicas, cache.config.automaticFailover] : [];
    });
    expect(replicas).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});
