import { describe, expect, test } from "vitest";
import { logRetention as rule } from "./log-retention";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("observability", "obs-fail", { name: "Monitoring", config: { logRetentionDays: 365 } })
  .component("observability", "obs-pass", { config: { logRetentionDays: 30 } })
  .build();

describe("log-retention", () => {
  test("flags logs kept longer than 30 days", () => {
    expect(findingIds(rule, design)).toEqual(["log-retention:obs-fail"]);
    expect(rule.check(design)[0].message).toBe("Monitoring keeps logs for 365 days, paying to store them long after they help an investigation.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix keeps 30 days", () => {
    const fixed = fixFinding(rule, design, "log-retention:obs-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:obs-fail"]);
    const observability = componentIn(fixed, "obs-fail");
    expect(observability.kind === "observability" && observability.config.logRetentionDays).toBe(30);
  });
});
