import { describe, expect, test } from "vitest";
import { connectionPoolTimeout as rule } from "./connection-pool-timeout";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("api-gateway", "gateway", { name: "API gateway" })
  .component("service", "orders", { name: "Orders" })
  .component("database", "db-fail", { name: "Orders DB", config: { pool: { connectionTimeoutMs: 30_000 } } })
  .component("database", "db-pass", { config: { pool: { connectionTimeoutMs: 2_000 } } })
  .connect("gateway", "orders", { timeoutMs: 10_000 })
  .connect("orders", "db-fail", { timeoutMs: 5_000 })
  .connect("orders", "db-pass", { timeoutMs: 5_000 })
  .build();

describe("connection-pool-timeout", () => {
  test("flags a pool wait longer than the callers of the service allow", () => {
    expect(findingIds(rule, design)).toEqual(["connection-pool-timeout:db-fail"]);
    expect(rule.check(design)[0].message).toBe("Orders may wait 30 s for a connection from Orders DB's pool, but API gateway gives Orders only 10 s.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix shortens the pool wait below the tightest caller budget", () => {
    const fixed = fixFinding(rule, design, "connection-pool-timeout:db-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:db-fail"]);
    const database = componentIn(fixed, "db-fail");
    expect(database.kind === "database" && database.config.pool.connectionTimeoutMs).toBe(5_000);
  });
});
