import { describe, expect, test } from "vitest";
import { rateLimitingPublicApi as rule } from "./rate-limiting-public-api";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const sketch = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("waf", "waf")
  .component("load-balancer", "lb", { name: "Public LB" })
  .component("service", "svc-fail", { name: "Orders" })
  .connect("web", "waf")
  .connect("waf", "lb")
  .connect("lb", "svc-fail", { timeoutMs: 50_000 })
  .build();

describe("rate-limiting-public-api", () => {
  test("flags a public service that no rate limit protects", () => {
    expect(findingIds(rule, sketch)).toEqual(["rate-limiting-public-api:svc-fail"]);
    expect(rule.check(sketch)[0].message).toBe("Public requests reach Orders without any rate limit (Web client → waf → Public LB → Orders).");
  });

  test("an API gateway's throttling, a rate limiter or an ingress rate limit count", () => {
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
    const viaIngress = (rateLimitPerSecond: number) =>
      designBuilder()
        .component("client", "web")
        .component("reverse-proxy", "ingress", { config: { rateLimitPerSecond } })
        .component("service", "svc")
        .connect("web", "ingress")
        .connect("ingress", "svc")
        .build();
    expect(findingIds(rule, viaIngress(100))).toEqual([]);
    expect(findingIds(rule, viaIngress(0))).toEqual(["rate-limiting-public-api:svc"]);
  });

  test("fix inserts a rate limiter right in front of the service, passing the timeout on", () => {
    const fixed = fixFinding(rule, sketch, "rate-limiting-public-api:svc-fail");
    expect(changedIds(sketch, fixed)).toEqual(["+component:rate-limiter-1", "+connection:conn-1", "~connection:lb--svc-fail"]);
    expect(connectionIn(fixed, "lb--svc-fail")).toMatchObject({ source: "lb", target: "rate-limiter-1", timeoutMs: 50_000 });
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "rate-limiter-1", target: "svc-fail", timeoutMs: 50_000 });
  });
});
