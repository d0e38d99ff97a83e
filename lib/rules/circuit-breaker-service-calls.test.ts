import { describe, expect, test } from "vitest";
import { circuitBreakerServiceCalls as rule } from "./circuit-breaker-service-calls";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("api-gateway", "gateway")
  .component("service", "orders", { name: "Orders" })
  .component("service", "payments", { name: "Payments" })
  .component("load-balancer", "stock-lb", { name: "Stock LB", config: { scheme: "internal" } })
  .component("database", "db")
  .connect("gateway", "orders", { id: "gateway-pass" })
  .connect("orders", "payments", { id: "svc-fail" })
  .connect("orders", "stock-lb", { id: "lb-fail" })
  .connect("orders", "db", { id: "db-pass" })
  .build();

describe("circuit-breaker-service-calls", () => {
  test("flags synchronous service-to-service calls without a breaker", () => {
    expect(findingIds(rule, design)).toEqual(["circuit-breaker-service-calls:svc-fail", "circuit-breaker-service-calls:lb-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Orders → Payments has no circuit breaker: if Payments goes down, Orders keeps waiting on it and fails too.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix enables the breaker with the seed's settings", () => {
    const fixed = fixFinding(rule, design, "circuit-breaker-service-calls:svc-fail");
    expect(changedIds(design, fixed)).toEqual(["~connection:svc-fail"]);
    expect(connectionIn(fixed, "svc-fail").circuitBreaker).toEqual({ enabled: true, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 });
  });
});
