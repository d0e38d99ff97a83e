import { describe, expect, test } from "vitest";
import { loadBalancerHealthCheck as rule } from "./load-balancer-health-check";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const off = { healthCheck: { enabled: false } };
const design = designBuilder()
  .component("load-balancer", "lb-fail", { name: "Public LB", config: off })
  .component("load-balancer", "lb-idle-pass", { config: off })
  .component("load-balancer", "lb-pass")
  .component("service", "orders", { name: "Orders" })
  .component("service", "catalog", { name: "Catalog" })
  .connect("lb-fail", "orders")
  .connect("lb-fail", "catalog")
  .connect("lb-pass", "orders")
  .build();

describe("load-balancer-health-check", () => {
  test("flags a load balancer with targets and no health check", () => {
    expect(findingIds(rule, design)).toEqual(["load-balancer-health-check:lb-fail"]);
    expect(rule.check(design)[0].message).toBe("Public LB does not health-check Orders and Catalog, so it keeps routing requests to instances that are down.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix turns the health check on", () => {
    const fixed = fixFinding(rule, design, "load-balancer-health-check:lb-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:lb-fail"]);
    const balancer = componentIn(fixed, "lb-fail");
    expect(balancer.kind === "load-balancer" && balancer.config.healthCheck.enabled).toBe(true);
  });
});
