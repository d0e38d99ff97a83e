import { describe, expect, test } from "vitest";
import { autoscalingBounds as rule } from "./autoscaling-bounds";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "min-fail", { name: "Orders", config: { autoscaling: { minReplicas: 1, maxReplicas: 1 } } })
  .component("worker", "cpu-fail", { name: "Mailer", config: { autoscaling: { cpuTargetPercent: 95 } } })
  .component("service", "hpa-pass", { config: { autoscaling: { minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 80 } } })
  .component("service", "fixed-pass", { config: { autoscaling: { enabled: false, minReplicas: 1 } } })
  .build();

describe("autoscaling-bounds", () => {
  test("flags a minimum below 2, a maximum not above the minimum and a CPU target above 80 %", () => {
    expect(findingIds(rule, design)).toEqual(["autoscaling-bounds:min-fail", "autoscaling-bounds:cpu-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders may scale down to 1 instance and cannot scale up (maximum 1, minimum 1).",
      "Mailer scales only at 95 % CPU.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix sets the seed's bounds only where they are wrong", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "autoscaling-bounds:min-fail"), "autoscaling-bounds:cpu-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:cpu-fail", "~component:min-fail"]);
    const bounds = ["min-fail", "cpu-fail"].map((id) => {
      const workload = componentIn(fixed, id);
      if (workload.kind !== "service" && workload.kind !== "worker") return [];
      const { minReplicas, maxReplicas, cpuTargetPercent } = workload.config.autoscaling;
      return [minReplicas, maxReplicas, cpuTargetPercent];
    });
    expect(bounds).toEqual([
      [2, 10, 70],
      [2, 10, 70],
    ]);
  });
});
