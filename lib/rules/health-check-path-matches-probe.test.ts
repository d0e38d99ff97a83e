import { describe, expect, test } from "vitest";
import { healthCheckPathMatchesProbe as rule } from "./health-check-path-matches-probe";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("load-balancer", "lb-fail", { name: "Public LB", config: { healthCheck: { path: "/healthz" } } })
  .component("load-balancer", "lb-pass", { config: { healthCheck: { path: "/ready" } } })
  .component("service", "orders", { name: "Orders" })
  .connect("lb-fail", "orders")
  .connect("lb-pass", "orders")
  .build();

describe("health-check-path-matches-probe", () => {
  test("flags a health-check path the target service does not serve", () => {
    expect(findingIds(rule, design)).toEqual(["health-check-path-matches-probe:lb-fail"]);
    expect(rule.check(design)[0].message).toBe("Public LB probes /healthz, but Orders answers /health and /ready.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix points the check at the service's readiness endpoint", () => {
    const fixed = fixFinding(rule, design, "health-check-path-matches-probe:lb-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:lb-fail"]);
    const balancer = componentIn(fixed, "lb-fail");
    expect(balancer.kind === "load-balancer" && balancer.config.healthCheck.path).toBe("/ready");
  });

  test("no fix when the targets disagree on their readiness path", () => {
    const mixed = designBuilder()
      .component("load-balancer", "lb-mixed", { config: { healthCheck: { path: "/healthz" } } })
      .component("service", "a", { config: { probes: { readinessPath: "/ready" } } })
      .component("service", "b", { config: { probes: { readinessPath: "/status/ready" } } })
      .connect("lb-mixed", "a")
      .connect("lb-mixed", "b")
      .build();
    expect(rule.check(mixed).map((finding) => finding.fixable)).toEqual([false]);
  });
});
