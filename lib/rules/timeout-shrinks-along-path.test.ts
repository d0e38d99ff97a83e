import { describe, expect, test } from "vitest";
import { timeoutShrinksAlongPath as rule } from "./timeout-shrinks-along-path";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

function chain(gatewayToOrdersMs: number, ordersToPaymentsMs: number) {
  return designBuilder()
    .component("client", "web", { name: "Web client" })
    .component("api-gateway", "gateway", { name: "API gateway" })
    .component("service", "orders", { name: "Order service" })
    .component("service", "payments", { name: "Payment service" })
    .connect("web", "gateway", { timeoutMs: 60_000 })
    .connect("gateway", "orders", { id: "gw-orders", timeoutMs: gatewayToOrdersMs })
    .connect("orders", "payments", { id: "orders-fail", timeoutMs: ordersToPaymentsMs })
    .build();
}

describe("timeout-shrinks-along-path", () => {
  test("flags a downstream call that waits longer than its caller, in the design's terms", () => {
    const [finding] = rule.check(chain(10_000, 30_000));
    expect(finding.id).toBe("timeout-shrinks-along-path:orders-fail");
    expect(finding.message).toBe("API gateway times out after 10 s waiting for Order service, but its downstream Order service waits 30 s for Payment service.");
    expect(finding.componentIds).toEqual(["gateway", "orders", "payments"]);
    expect(finding.connectionIds).toEqual(["gw-orders", "orders-fail"]);
  });

  test("an equal timeout is a violation too: the caller still gives up first", () => {
    expect(findingIds(rule, chain(30_000, 30_000))).toEqual(["timeout-shrinks-along-path:orders-fail"]);
  });

  test("passes a chain that shrinks at every hop", () => {
    expect(findingIds(rule, chain(55_000, 50_000))).toEqual([]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("the shortest call into a component sets its budget", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("service", "mid")
      .component("service", "leaf")
      .connect("a", "mid", { timeoutMs: 40_000 })
      .connect("b", "mid", { timeoutMs: 20_000 })
      .connect("mid", "leaf", { id: "mid-fail", timeoutMs: 30_000 })
      .build();
    expect(rule.check(design).map((finding) => finding.message)).toEqual(["b times out after 20 s waiting for mid, but its downstream mid waits 30 s for leaf."]);
  });

  test("a load balancer's idle timeout limits its calls", () => {
    const design = designBuilder()
      .component("load-balancer", "lb", { name: "Public LB", config: { idleTimeoutSeconds: 60 } })
      .component("service", "orders")
      .connect("lb", "orders", { id: "lb-fail", timeoutMs: 90_000 })
      .build();
    expect(rule.check(design).map((finding) => finding.message)).toEqual(["Public LB closes idle connections after 60 s, but Public LB waits 90 s for orders."]);
  });

  test("a WAF or rate limiter may pass a request on with the timeout it came with", () => {
    const design = designBuilder()
      .component("client", "web")
      .component("waf", "waf-pass")
      .component("load-balancer", "lb")
      .connect("web", "waf-pass", { timeoutMs: 60_000 })
      .connect("waf-pass", "lb", { timeoutMs: 60_000 })
      .build();
    expect(findingIds(rule, design)).toEqual([]);
  });

  test("asynchronous hops and missing timeouts are not compared", () => {
    const design = designBuilder()
      .component("service", "orders")
      .component("queue", "events")
      .component("service", "consumer")
      .connect("orders", "events")
      .connect("events", "consumer", { protocol: "async" })
      .build();
    expect(findingIds(rule, design)).toEqual([]);
  });

  test("fix lowers only the offending timeout, one step below the caller's", () => {
    const design = chain(10_000, 30_000);
    const fixed = fixFinding(rule, design, "timeout-shrinks-along-path:orders-fail");
    expect(changedIds(design, fixed)).toEqual(["~connection:orders-fail"]);
    expect(connectionIn(fixed, "orders-fail").timeoutMs).toBe(5_000);
  });
});
