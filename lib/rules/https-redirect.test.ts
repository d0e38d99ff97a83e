import { describe, expect, test } from "vitest";
import { httpsRedirect as rule } from "./https-redirect";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web")
  .component("load-balancer", "lb-fail", { name: "Public LB", config: { httpsRedirect: false } })
  .component("service", "orders")
  .component("load-balancer", "internal-pass", { config: { scheme: "internal", httpsRedirect: false } })
  .component("service", "stock")
  .component("api-gateway", "gateway")
  .component("load-balancer", "vpc-link-pass", { config: { scheme: "internal", httpsRedirect: false } })
  .connect("web", "lb-fail")
  .connect("web", "gateway")
  .connect("gateway", "vpc-link-pass")
  .connect("vpc-link-pass", "stock")
  .connect("lb-fail", "orders")
  .connect("orders", "internal-pass")
  .connect("internal-pass", "stock")
  .build();

describe("https-redirect", () => {
  test("flags an internet-facing load balancer that answers plain HTTP", () => {
    expect(findingIds(rule, design)).toEqual(["https-redirect:lb-fail"]);
    expect(rule.check(design)[0].message).toBe("Public LB answers plain HTTP instead of redirecting it to HTTPS.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix turns the redirect on", () => {
    const fixed = fixFinding(rule, design, "https-redirect:lb-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:lb-fail"]);
    const balancer = componentIn(fixed, "lb-fail");
    expect(balancer.kind === "load-balancer" && balancer.config.httpsRedirect).toBe(true);
  });
});
