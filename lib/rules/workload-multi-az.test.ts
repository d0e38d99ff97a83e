import { describe, expect, test } from "vitest";
import { workloadMultiAz as rule } from "./workload-multi-az";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .zone("vpc", "vpc")
  .zone("availability-zone", "az-a", { parent: "vpc", name: "us-east-1a" })
  .zone("private-subnet", "subnet-a", { parent: "az-a" })
  .component("client", "web")
  .component("service", "svc-pass")
  .component("service", "on-path-single", { config: { replicas: 1, autoscaling: { enabled: false } } })
  .component("service", "spread-fail", { name: "Orders", config: { spreadAcrossZones: false } })
  .component("worker", "worker-fail", { name: "Mailer", config: { replicas: 1, autoscaling: { enabled: false } } })
  .component("service", "pinned-fail", { name: "Reports", zone: "subnet-a" })
  .connect("web", "svc-pass")
  .connect("web", "on-path-single")
  .build();

describe("workload-multi-az", () => {
  test("flags workloads that one zone failure stops", () => {
    expect(findingIds(rule, design)).toEqual(["workload-multi-az:spread-fail", "workload-multi-az:worker-fail", "workload-multi-az:pinned-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders is not spread across availability zones, so losing one zone stops it.",
      "Mailer runs 1 instance, so losing one zone stops it.",
      "Reports runs only in the availability zone us-east-1a, so losing one zone stops it.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("a single instance on a request path is left to single-point-of-failure", () => {
    expect(findingIds(rule, design)).not.toContain("workload-multi-az:on-path-single");
  });

  test("fix spreads the workload and runs two instances", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "workload-multi-az:spread-fail"), "workload-multi-az:worker-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:spread-fail", "~component:worker-fail"]);
    const worker = componentIn(fixed, "worker-fail");
    expect(worker.kind === "worker" && [worker.config.replicas, worker.config.spreadAcrossZones]).toEqual([2, true]);
  });

  test("fix also runs a workload pinned to one zone in a private subnet of a second zone, mirroring the first", () => {
    const fixed = fixFinding(rule, design, "workload-multi-az:pinned-fail");
    expect(changedIds(design, fixed)).toEqual(["+zone:availability-zone-1", "+zone:private-subnet-1", "~component:pinned-fail"]);
    const secondZone = fixed.zones.find((zone) => zone.id === "availability-zone-1");
    expect(secondZone).toMatchObject({ kind: "availability-zone", parentId: "vpc" });
    expect(fixed.zones.find((zone) => zone.id === "private-subnet-1")).toMatchObject({ kind: "private-subnet", parentId: "availability-zone-1" });
    const pinned = componentIn(fixed, "pinned-fail");
    expect(pinned.alsoIn).toEqual([{ zoneId: "private-subnet-1", position: pinned.position }]);
    expect(findingIds(rule, fixed)).not.toContain("workload-multi-az:pinned-fail");
  });

  test("fix uses the private subnet of a second zone when one is drawn", () => {
    const drawn = designBuilder()
      .zone("vpc", "vpc")
      .zone("availability-zone", "az-a", { parent: "vpc", code: "us-east-1a" })
      .zone("availability-zone", "az-b", { parent: "vpc", code: "us-east-1b" })
      .zone("private-subnet", "subnet-a", { parent: "az-a" })
      .zone("private-subnet", "subnet-b", { parent: "az-b" })
      .component("worker", "mailer", { zone: "subnet-a", position: { x: 30, y: 50 } })
      .build();
    const fixed = fixFinding(rule, drawn, "workload-multi-az:mailer");
    expect(changedIds(drawn, fixed)).toEqual(["~component:mailer"]);
    expect(componentIn(fixed, "mailer").alsoIn).toEqual([{ zoneId: "subnet-b", position: { x: 30, y: 50 } }]);
    expect(findingIds(rule, fixed)).toEqual([]);
  });
});
