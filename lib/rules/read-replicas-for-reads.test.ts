import { describe, expect, test } from "vitest";
import { readReplicasForReads as rule } from "./read-replicas-for-reads";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const reads = [
  { method: "GET", path: "/api/products" },
  { method: "GET", path: "/api/products/{id}" },
  { method: "GET", path: "/api/categories" },
  { method: "GET", path: "/api/search" },
  { method: "POST", path: "/api/products" },
];
const writes = [
  { method: "POST", path: "/api/orders" },
  { method: "GET", path: "/api/orders/{id}" },
];
const design = designBuilder()
  .component("service", "catalog", { name: "Catalog", config: { routes: reads } })
  .component("service", "orders", { config: { routes: writes } })
  .component("database", "db-fail", { name: "Catalog DB" })
  .component("database", "writes-pass")
  .component("database", "replica-pass", { config: { readReplicas: 2 } })
  .connect("catalog", "db-fail")
  .connect("orders", "writes-pass")
  .connect("catalog", "replica-pass")
  .build();

describe("read-replicas-for-reads", () => {
  test("flags a read-heavy database with neither replica nor cache", () => {
    expect(findingIds(rule, design)).toEqual(["read-replicas-for-reads:db-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Catalog DB serves read-heavy callers (4 of 5 routes of Catalog are GET) with no read replica and no cache in front.",
    );
  });

  test("a cache used by the callers takes the reads", () => {
    const cached = designBuilder()
      .component("service", "catalog", { config: { routes: reads } })
      .component("database", "db-pass")
      .component("cache", "cache")
      .connect("catalog", "db-pass")
      .connect("catalog", "cache")
      .build();
    expect(findingIds(rule, cached)).toEqual([]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix adds one read replica", () => {
    const fixed = fixFinding(rule, design, "read-replicas-for-reads:db-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:db-fail"]);
    const database = componentIn(fixed, "db-fail");
    expect(database.kind === "database" && database.config.readReplicas).toBe(1);
  });
});
