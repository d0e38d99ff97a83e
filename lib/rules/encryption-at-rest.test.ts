import { describe, expect, test } from "vitest";
import { encryptionAtRest as rule } from "./encryption-at-rest";
import { changedIds, compliantStack, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("database", "db-fail", { name: "Orders DB", config: { storageEncrypted: false } })
  .component("cache", "cache-fail", { config: { encryptionAtRest: false } })
  .component("nosql-database", "nosql-fail", { config: { encryptionAtRest: false } })
  .component("queue", "queue-fail", { config: { encryption: false } })
  .component("database", "db-pass")
  .build();

describe("encryption-at-rest", () => {
  test("flags every unencrypted store", () => {
    expect(findingIds(rule, design)).toEqual([
      "encryption-at-rest:db-fail",
      "encryption-at-rest:cache-fail",
      "encryption-at-rest:nosql-fail",
      "encryption-at-rest:queue-fail",
    ]);
    expect(rule.check(design)[0].message).toBe("Orders DB stores data unencrypted, so its disks, snapshots and backups are readable by whoever obtains them.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix encrypts each store, touching only that store", () => {
    for (const id of ["db-fail", "cache-fail", "nosql-fail", "queue-fail"]) {
      const fixed = fixFinding(rule, design, `encryption-at-rest:${id}`);
      expect(changedIds(design, fixed)).toEqual([`~component:${id}`]);
    }
  });
});
