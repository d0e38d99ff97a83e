import { describe, expect, test } from "vitest";
import { danglingComponent as rule } from "./dangling-component";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "svc-pass")
  .component("database", "db-pass")
  .component("cache", "cache-fail", { name: "Old cache" })
  .connect("svc-pass", "db-pass")
  .build();

describe("dangling-component", () => {
  test("flags components with no connections", () => {
    expect(findingIds(rule, design)).toEqual(["dangling-component:cache-fail"]);
    expect(rule.check(design)[0].message).toBe("Old cache is not connected to anything.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });
});
