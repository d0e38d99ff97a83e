import { describe, expect, test } from "vitest";
import { retryBounded as rule } from "./retry-bounded";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "orders", { name: "Orders" })
  .component("service", "payments", { name: "Payments" })
  .component("service", "stock", { name: "Stock" })
  .connect("orders", "payments", { id: "many-fail", retry: { enabled: true, maxRetries: 8 } })
  .connect("orders", "stock", { id: "five-pass", retry: { enabled: true, maxRetries: 5 } })
  .build();

describe("retry-bounded", () => {
  test("flags more than 5 retries", () => {
    expect(findingIds(rule, design)).toEqual(["retry-bounded:many-fail"]);
    expect(rule.check(design)[0].message).toBe("Orders → Payments retries up to 8 times; more than 5 only adds load to a failing Payments.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix caps retries at 3", () => {
    const fixed = fixFinding(rule, design, "retry-bounded:many-fail");
    expect(changedIds(design, fixed)).toEqual(["~connection:many-fail"]);
    expect(connectionIn(fixed, "many-fail").retry.maxRetries).toBe(3);
  });
});
