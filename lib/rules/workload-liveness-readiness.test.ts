import { describe, expect, test } from "vitest";
import { workloadLivenessReadiness as rule } from "./workload-liveness-readiness";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "svc-fail", { name: "Orders", config: { probes: { livenessPath: "/health", readinessPath: "/health" } } })
  .component("worker", "worker-fail", { config: { probes: { livenessPath: "/ready", readinessPath: "/ready" } } })
  .component("service", "svc-pass")
  .build();

describe("workload-liveness-readiness", () => {
  test("flags workloads whose liveness and readiness share one endpoint", () => {
    expect(findingIds(rule, design)).toEqual(["workload-liveness-readiness:svc-fail", "workload-liveness-readiness:worker-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Orders uses /health for both liveness and readiness, so a dependency outage restarts it instead of just taking it out of rotation.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix gives readiness its own endpoint", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "workload-liveness-readiness:svc-fail"), "workload-liveness-readiness:worker-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:svc-fail", "~component:worker-fail"]);
    const paths = ["svc-fail", "worker-fail"].map((id) => {
      const workload = componentIn(fixed, id);
      return workload.kind === "service" || workload.kind === "worker" ? workload.config.probes.readinessPath : undefined;
    });
    expect(paths).toEqual(["/ready", "/readyz"]);
  });
});
