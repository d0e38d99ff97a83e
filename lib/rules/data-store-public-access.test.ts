import { describe, expect, test } from "vitest";
import { dataStorePublicAccess as rule } from "./data-store-public-access";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("database", "db-fail", { name: "Orders DB", config: { publiclyAccessible: true } })
  .component("object-storage", "bucket-fail", { name: "Uploads", config: { blockPublicAccess: false } })
  .component("database", "db-pass")
  .component("object-storage", "bucket-pass")
  .build();

describe("data-store-public-access", () => {
  test("flags a public database and a bucket that allows public access", () => {
    expect(findingIds(rule, design)).toEqual(["data-store-public-access:db-fail", "data-store-public-access:bucket-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders DB is publicly accessible from the internet.",
      "Uploads does not block public access, so one permissive policy exposes every object.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix closes public access on each", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "data-store-public-access:db-fail"), "data-store-public-access:bucket-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:bucket-fail", "~component:db-fail"]);
    const database = componentIn(fixed, "db-fail");
    const bucket = componentIn(fixed, "bucket-fail");
    expect(database.kind === "database" && database.config.publiclyAccessible).toBe(false);
    expect(bucket.kind === "object-storage" && bucket.config.blockPublicAccess).toBe(true);
  });
});
