import { describe, expect, test } from "vitest";
import { syncCallCycle as rule } from "./sync-call-cycle";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

describe("sync-call-cycle", () => {
  test("flags services that call each other in a circle", () => {
    const design = designBuilder()
      .component("service", "orders", { name: "Orders" })
      .component("service", "stock", { name: "Stock" })
      .component("service", "prices", { name: "Prices" })
      .component("service", "outside")
      .connect("orders", "stock")
      .connect("stock", "prices")
      .connect("prices", "orders")
      .connect("orders", "outside")
      .build();
    const [finding] = rule.check(design);
    expect(finding.id).toBe("sync-call-cycle:orders");
    expect(finding.message).toBe("Synchronous calls go round in a circle: Orders → Stock → Prices → Orders.");
    expect(finding.componentIds).toEqual(["orders", "stock", "prices"]);
    expect(finding.connectionIds).toEqual(["orders--stock", "stock--prices", "prices--orders"]);
  });

  test("a loop closed by an asynchronous message is fine", () => {
    const design = designBuilder()
      .component("service", "orders")
      .component("queue", "events")
      .component("service", "stock")
      .connect("orders", "stock")
      .connect("stock", "events")
      .connect("events", "orders", { protocol: "async" })
      .build();
    expect(findingIds(rule, design)).toEqual([]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });
});
