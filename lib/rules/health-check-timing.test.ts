import { describe, expect, test } from "vitest";
import { healthCheckTiming as rule } from "./health-check-timing";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("load-balancer", "lb-fail", { name: "Public LB", config: { healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } } })
  .component("load-balancer", "lb-short-fail", { config: { healthCheck: { intervalSeconds: 5, timeoutSeconds: 8 } } })
  .component("load-balancer", "lb-pass", { config: { healthCheck: { intervalSeconds: 30, timeoutSeconds: 5 } } })
  .build();

describe("health-check-timing", () => {
  test("flags a probe timeout that is not shorter than the interval", () => {
    expect(findingIds(rule, design)).toEqual(["health-check-timing:lb-fail", "health-check-timing:lb-short-fail"]);
    expect(rule.check(design)[0].message).toBe("Public LB probes every 10 s but waits 10 s for an answer, so probes overlap and a hung target is noticed late.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix sets the seed's 5 s timeout, or less when the interval is shorter", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "health-check-timing:lb-fail"), "health-check-timing:lb-short-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:lb-fail", "~component:lb-short-fail"]);
    const timeouts = ["lb-fail", "lb-short-fail"].map((id) => {
      const balancer = componentIn(fixed, id);
      return balancer.kind === "load-balancer" ? balancer.config.healthCheck.timeoutSeconds : undefined;
    });
    expect(timeouts).toEqual([5, 4]);
  });
});
