import { describe, expect, test } from "vitest";
import { connectionKindsAllowed as rule } from "./connection-kinds-allowed";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("database", "db", { name: "Orders DB" })
  .component("service", "orders", { name: "Orders" })
  .component("client", "web")
  .component("load-balancer", "lb")
  .connect("db", "orders", { id: "backwards-fail" })
  .connect("web", "db", { id: "data-store-elsewhere" })
  .connect("web", "lb", { id: "edge-pass" })
  .connect("lb", "orders", { id: "lb-pass" })
  .build();

describe("connection-kinds-allowed", () => {
  test("flags connections the catalog does not allow, with the catalog's reason", () => {
    expect(findingIds(rule, design)).toEqual(["connection-kinds-allowed:backwards-fail"]);
    expect(rule.check(design)[0].message).toMatch(/^Orders DB → Orders: Database cannot connect to Service: Service accepts connections only from /);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });
});
