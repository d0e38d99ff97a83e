import { describe, expect, test } from "vitest";
import { secretsManagerUsed as rule } from "./secrets-manager-used";
import { changedIds, compliantStack, componentIn, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("api-gateway", "gateway")
  .component("service", "svc-fail", { name: "Orders", position: { x: 100, y: 400 } })
  .component("service", "stateless-pass")
  .component("service", "svc-pass")
  .component("database", "db", { name: "Orders DB" })
  .component("cache", "cache", { name: "Cache" })
  .component("object-storage", "files")
  .component("secrets-manager", "vault")
  .connect("gateway", "svc-fail", { timeoutMs: 30_000 })
  .connect("svc-fail", "db")
  .connect("svc-fail", "cache")
  .connect("stateless-pass", "files")
  .connect("svc-pass", "db")
  .connect("svc-pass", "vault")
  .build();

describe("secrets-manager-used", () => {
  test("flags workloads that log in to data stores without a secrets manager", () => {
    expect(findingIds(rule, design)).toEqual(["secrets-manager-used:svc-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Orders logs in to Orders DB and Cache but reads no secrets manager, so its credentials sit in plain configuration.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix connects the workload to the existing secrets manager, with a timeout inside its budget", () => {
    const fixed = fixFinding(rule, design, "secrets-manager-used:svc-fail");
    expect(changedIds(design, fixed)).toEqual(["+connection:conn-1"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "svc-fail", target: "vault", protocol: "http", timeoutMs: 25_000 });
  });

  test("fix creates a secrets manager when there is none", () => {
    const bare = designBuilder()
      .component("service", "svc-fail", { position: { x: 100, y: 400 } })
      .component("database", "db")
      .connect("svc-fail", "db")
      .build();
    const fixed = fixFinding(rule, bare, "secrets-manager-used:svc-fail");
    expect(changedIds(bare, fixed)).toEqual(["+component:secrets-manager-1", "+connection:conn-1"]);
    expect(componentIn(fixed, "secrets-manager-1")).toMatchObject({ kind: "secrets-manager", position: { x: 320, y: 240 } });
  });
});
