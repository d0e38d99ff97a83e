import { describe, expect, test } from "vitest";
import { observabilityReachable as rule } from "./observability-reachable";
import { changedIds, compliantStack, componentIn, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "svc-fail", { name: "Orders", position: { x: 100, y: 100 } })
  .component("worker", "worker-fail", { name: "Mailer" })
  .component("service", "svc-pass")
  .component("observability", "metrics-only", { name: "Prometheus", config: { logs: false, traces: false } })
  .component("observability", "full")
  .connect("worker-fail", "metrics-only")
  .connect("svc-pass", "full")
  .build();

describe("observability-reachable", () => {
  test("flags workloads without metrics, logs and traces", () => {
    expect(findingIds(rule, design)).toEqual(["observability-reachable:svc-fail", "observability-reachable:worker-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders sends no metrics, logs or traces to an observability component.",
      "Mailer sends no logs and traces: Prometheus does not collect them.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix connects an unobserved workload to an existing observability component that collects everything", () => {
    const fixed = fixFinding(rule, design, "observability-reachable:svc-fail");
    expect(changedIds(design, fixed)).toEqual(["+connection:conn-1"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "svc-fail", target: "full", protocol: "async" });
  });

  test("fix connects to an incomplete observability component and completes it when that is all there is", () => {
    const partial = designBuilder()
      .component("service", "svc-fail")
      .component("observability", "logs-only", { config: { metrics: false, traces: false } })
      .build();
    const fixed = fixFinding(rule, partial, "observability-reachable:svc-fail");
    expect(changedIds(partial, fixed)).toEqual(["+connection:conn-1", "~component:logs-only"]);
  });

  test("fix turns on the missing pillars of the component a workload already reports to", () => {
    const fixed = fixFinding(rule, design, "observability-reachable:worker-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:metrics-only"]);
    const observability = componentIn(fixed, "metrics-only");
    expect(observability.kind === "observability" && [observability.config.logs, observability.config.traces]).toEqual([true, true]);
  });

  test("fix creates an observability component when the design has none", () => {
    const bare = designBuilder().component("service", "svc-fail", { position: { x: 100, y: 100 } }).build();
    const fixed = fixFinding(rule, bare, "observability-reachable:svc-fail");
    expect(changedIds(bare, fixed)).toEqual(["+component:observability-1", "+connection:conn-1"]);
    expect(componentIn(fixed, "observability-1")).toMatchObject({ kind: "observability", position: { x: 320, y: 260 } });
  });
});
