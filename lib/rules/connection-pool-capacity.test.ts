import { describe, expect, test } from "vitest";
import { connectionPoolCapacity as rule } from "./connection-pool-capacity";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "orders", { name: "Orders" })
  .component("worker", "billing", { name: "Billing", config: { autoscaling: { enabled: false }, replicas: 2 } })
  .component("database", "db-fail", { name: "Orders DB" })
  .component("database", "db-pass")
  .component("database", "idle-fail", { name: "Audit DB", config: { pool: { maxConnections: 4, minIdle: 6 } } })
  .component("database", "large-class-pass", { config: { instanceClass: "db.r5.2xlarge" } })
  .connect("orders", "db-fail")
  .connect("billing", "db-fail")
  .connect("orders", "db-pass")
  .connect("orders", "large-class-pass")
  .connect("billing", "large-class-pass")
  .build();

describe("connection-pool-capacity", () => {
  test("flags pools that exceed the documented connection limit at peak, and idle settings above the pool size", () => {
    expect(findingIds(rule, design)).toEqual(["connection-pool-capacity:db-fail", "connection-pool-capacity:idle-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders DB: at peak Orders 10 × 10 and Billing 2 × 10 open 120 connections, but db.t3.medium accepts about 100.",
      "Audit DB: its pool keeps 6 idle connections but allows only 4.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix shrinks the pool so every instance at peak fits", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "connection-pool-capacity:db-fail"), "connection-pool-capacity:idle-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:db-fail", "~component:idle-fail"]);
    const pools = ["db-fail", "idle-fail"].map((id) => {
      const database = componentIn(fixed, id);
      return database.kind === "database" ? [database.config.pool.maxConnections, database.config.pool.minIdle] : [];
    });
    expect(pools).toEqual([
      [8, 2],
      [4, 4],
    ]);
  });
});
