import { describe, expect, test } from "vitest";
import { connectionTimeoutMissing as rule } from "./connection-timeout-missing";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "LB" })
  .component("service", "orders", { name: "Orders" })
  .component("queue", "events")
  .connect("web", "lb", { id: "edge-fail", timeoutMs: null })
  .connect("lb", "orders", { id: "lb-pass", timeoutMs: 20_000 })
  .connect("orders", "events", { id: "async-pass" })
  .build();

describe("connection-timeout-missing", () => {
  test("flags synchronous connections without a timeout and ignores asynchronous ones", () => {
    expect(findingIds(rule, design)).toEqual(["connection-timeout-missing:edge-fail"]);
    expect(rule.check(design)[0].message).toBe("Web client → LB has no timeout; Web client would wait indefinitely. Suggested: 60 s.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix sets the edge timeout a browser uses, and only that", () => {
    const fixed = fixFinding(rule, design, "connection-timeout-missing:edge-fail");
    expect(changedIds(design, fixed)).toEqual(["~connection:edge-fail"]);
    expect(connectionIn(fixed, "edge-fail").timeoutMs).toBe(60_000);
  });

  test("fix picks a timeout below the caller's budget inside the system", () => {
    const inner = designBuilder()
      .component("service", "orders")
      .component("service", "payments")
      .component("api-gateway", "gateway")
      .connect("gateway", "orders", { timeoutMs: 20_000 })
      .connect("orders", "payments", { id: "inner-fail", timeoutMs: null })
      .build();
    const fixed = fixFinding(rule, inner, "connection-timeout-missing:inner-fail");
    expect(connectionIn(fixed, "inner-fail").timeoutMs).toBe(15_000);
  });
});
