import { describe, expect, test } from "vitest";
import { databaseMultiAz as rule } from "./database-multi-az";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("database", "db-fail", { name: "Orders DB", config: { multiAz: false } })
  .component("database", "db-pass")
  .build();

describe("database-multi-az", () => {
  test("flags a SQL database without a standby", () => {
    expect(findingIds(rule, design)).toEqual(["database-multi-az:db-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Orders DB has no standby in a second availability zone: an instance or zone failure stops every write until it is restored.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("says when the database is drawn in two zones but has no standby there", () => {
    const drawn = designBuilder()
      .zone("availability-zone", "az-a", { name: "us-east-1a" })
      .zone("availability-zone", "az-b", { name: "us-east-1b" })
      .component("database", "db", { name: "Orders DB", zone: "az-a", alsoIn: ["az-b"], config: { multiAz: false } })
      .build();
    expect(rule.check(drawn)[0].message).toBe(
      "Orders DB has no standby in a second availability zone although it is drawn in us-east-1a and us-east-1b: an instance or zone failure stops every write until it is restored.",
    );
  });

  test("fix turns on Multi-AZ and nothing else", () => {
    const fixed = fixFinding(rule, design, "database-multi-az:db-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:db-fail"]);
    const before = componentIn(design, "db-fail");
    expect(componentIn(fixed, "db-fail")).toEqual({ ...before, config: { ...before.config, multiAz: true } });
  });
});
