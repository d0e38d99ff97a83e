import { describe, expect, test } from "vitest";
import { databaseBackups as rule } from "./database-backups";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("database", "db-fail", { name: "Orders DB", config: { backupRetentionDays: 0, pointInTimeRecovery: false } })
  .component("database", "short-fail", { name: "Audit DB", config: { backupRetentionDays: 3 } })
  .component("nosql-database", "nosql-fail", { name: "Profiles", config: { pointInTimeRecovery: false } })
  .component("database", "db-pass", { config: { backupRetentionDays: 14 } })
  .build();

describe("database-backups", () => {
  test("flags missing or short backups and no point-in-time recovery", () => {
    expect(findingIds(rule, design)).toEqual(["database-backups:db-fail", "database-backups:short-fail", "database-backups:nosql-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders DB keeps no backups and cannot restore to a point in time.",
      "Audit DB keeps backups only 3 days.",
      "Profiles cannot restore to a point in time.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix keeps 7 days of backups with point-in-time recovery", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "database-backups:db-fail"), "database-backups:nosql-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:db-fail", "~component:nosql-fail"]);
    const database = componentIn(fixed, "db-fail");
    expect(database.kind === "database" && [database.config.backupRetentionDays, database.config.pointInTimeRecovery]).toEqual([7, true]);
    const store = componentIn(fixed, "nosql-fail");
    expect(store.kind === "nosql-database" && store.config.pointInTimeRecovery).toBe(true);
  });
});
