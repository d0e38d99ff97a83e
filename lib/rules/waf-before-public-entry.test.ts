import { describe, expect, test } from "vitest";
import { wafBeforePublicEntry as rule } from "./waf-before-public-entry";
import { changedIds, compliantStack, componentIn, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

/** The editor's first sketch: Client → Load balancer → Service → Database, no WAF. */
const sketch = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb-fail", { name: "Public LB" })
  .component("service", "orders", { name: "Orders" })
  .component("database", "db")
  .connect("web", "lb-fail")
  .connect("lb-fail", "orders")
  .connect("orders", "db")
  .build();

describe("waf-before-public-entry", () => {
  test("flags the first load balancer internet traffic meets without a WAF", () => {
    const [finding] = rule.check(sketch);
    expect(finding.id).toBe("waf-before-public-entry:lb-fail");
    expect(finding.message).toBe("Requests reach Public LB from the internet without passing a WAF (Web client → Public LB).");
    expect(finding.componentIds).toEqual(["web", "lb-fail"]);
    expect(finding.connectionIds).toEqual(["web--lb-fail"]);
  });

  test("passes when every route passes a WAF first", () => {
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("flags a route that bypasses the WAF even when another route has one", () => {
    const bypass = compliantStack().component("client", "mobile").connect("mobile", "lb", { id: "bypass-fail" }).build();
    expect(rule.check(bypass).map((finding) => [finding.id, finding.connectionIds])).toEqual([["waf-before-public-entry:lb", ["bypass-fail"]]]);
  });

  test("a service the internet calls directly needs a WAF too; an internal service does not", () => {
    const direct = designBuilder()
      .component("client", "web")
      .component("service", "svc-fail")
      .component("service", "internal-pass")
      .connect("web", "svc-fail")
      .connect("svc-fail", "internal-pass")
      .build();
    expect(findingIds(rule, direct)).toEqual(["waf-before-public-entry:svc-fail"]);
  });

  test("an internet-facing gateway nothing calls is an entry point of its own", () => {
    const gateway = designBuilder().component("api-gateway", "gw-fail", { name: "Public API" }).build();
    expect(rule.check(gateway).map((finding) => finding.message)).toEqual(["Public API faces the internet directly with no WAF in front of it."]);
  });

  test("fix inserts a WAF between the client and the load balancer, keeping the edge's timeout", () => {
    const fixed = fixFinding(rule, sketch, "waf-before-public-entry:lb-fail");
    expect(changedIds(sketch, fixed)).toEqual(["+component:waf-1", "+connection:conn-1", "~connection:web--lb-fail"]);
    expect(componentIn(fixed, "waf-1").kind).toBe("waf");
    expect(connectionIn(fixed, "web--lb-fail")).toMatchObject({ source: "web", target: "waf-1", timeoutMs: 60_000 });
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "waf-1", target: "lb-fail", protocol: "http", timeoutMs: 60_000 });
  });

  test("fix walks back past components a WAF cannot follow: Client → Rate limiter → LB gets the WAF after the client", () => {
    const limited = designBuilder()
      .component("client", "web")
      .component("rate-limiter", "limiter")
      .component("load-balancer", "lb-fail")
      .connect("web", "limiter")
      .connect("limiter", "lb-fail")
      .build();
    const fixed = fixFinding(rule, limited, "waf-before-public-entry:lb-fail");
    expect(changedIds(limited, fixed)).toEqual(["+component:waf-1", "+connection:conn-1", "~connection:web--limiter"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "waf-1", target: "limiter" });
  });

  test("fix feeds an entry point that nothing calls", () => {
    const gateway = designBuilder().component("api-gateway", "gw-fail").build();
    const fixed = fixFinding(rule, gateway, "waf-before-public-entry:gw-fail");
    expect(changedIds(gateway, fixed)).toEqual(["+component:waf-1", "+connection:conn-1"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "waf-1", target: "gw-fail", timeoutMs: 60_000 });
  });

  test("fix puts a WAF in front of a rate limiter that nothing calls", () => {
    const limited = designBuilder().component("rate-limiter", "limiter").component("service", "svc-fail").connect("limiter", "svc-fail").build();
    const fixed = fixFinding(rule, limited, "waf-before-public-entry:svc-fail");
    expect(changedIds(limited, fixed)).toEqual(["+component:waf-1", "+connection:conn-1"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "waf-1", target: "limiter" });
  });
});
