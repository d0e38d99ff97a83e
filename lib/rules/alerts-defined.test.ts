import { describe, expect, test } from "vitest";
import { alertsDefined as rule } from "./alerts-defined";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("observability", "obs-fail", { name: "Monitoring", config: { alerts: false } })
  .component("observability", "obs-pass")
  .build();

describe("alerts-defined", () => {
  test("flags observability without alerts", () => {
    expect(findingIds(rule, design)).toEqual(["alerts-defined:obs-fail"]);
    expect(rule.check(design)[0].message).toBe("Monitoring collects telemetry but defines no alerts, so nobody is told when error rates or latency climb.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix turns alerting on", () => {
    const fixed = fixFinding(rule, design, "alerts-defined:obs-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:obs-fail"]);
    const observability = componentIn(fixed, "obs-fail");
    expect(observability.kind === "observability" && observability.config.alerts).toBe(true);
  });
});
