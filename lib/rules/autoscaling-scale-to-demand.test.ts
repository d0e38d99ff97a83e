import { describe, expect, test } from "vitest";
import { autoscalingScaleToDemand as rule } from "./autoscaling-scale-to-demand";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "fixed-fail", { name: "Orders", config: { replicas: 12, autoscaling: { enabled: false } } })
  .component("service", "small-pass", { config: { replicas: 2, autoscaling: { enabled: false } } })
  .component("service", "hpa-pass")
  .build();

describe("autoscaling-scale-to-demand", () => {
  test("flags a fixed fleet larger than the minimum", () => {
    expect(findingIds(rule, design)).toEqual(["autoscaling-scale-to-demand:fixed-fail"]);
    expect(rule.check(design)[0].message).toBe("Orders always runs 12 instances, paying for peak capacity around the clock.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix autoscales between 2 and the current fleet size", () => {
    const fixed = fixFinding(rule, design, "autoscaling-scale-to-demand:fixed-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:fixed-fail"]);
    const service = componentIn(fixed, "fixed-fail");
    expect(service.kind === "service" && service.config.autoscaling).toMatchObject({ enabled: true, minReplicas: 2, maxReplicas: 12 });
  });
});
