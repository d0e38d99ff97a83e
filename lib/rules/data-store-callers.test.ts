import { describe, expect, test } from "vitest";
import { dataStoreCallers as rule } from "./data-store-callers";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "LB" })
  .component("service", "orders")
  .component("database", "db", { name: "Orders DB" })
  .component("cache", "cache", { name: "Cache" })
  .component("cdn", "cdn")
  .component("object-storage", "files")
  .connect("web", "db", { id: "client-fail" })
  .connect("lb", "cache", { id: "lb-fail" })
  .connect("orders", "db", { id: "service-pass" })
  .connect("cdn", "files", { id: "cdn-origin-pass" })
  .build();

describe("data-store-callers", () => {
  test("flags data stores reached by anything but a service or worker", () => {
    expect(findingIds(rule, design)).toEqual(["data-store-callers:client-fail", "data-store-callers:lb-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Web client → Orders DB: Orders DB is reached directly from a client, with no service in between.",
      "LB → Cache: Cache is reached directly from a load balancer, with no service in between.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("has no automatic fix: where the access should go is a design decision", () => {
    expect(rule.check(design).every((finding) => !finding.fixable)).toBe(true);
  });
});
