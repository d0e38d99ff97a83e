import { describe, expect, it } from "vitest";
import { kindDefinition } from "@/lib/catalog";
import { ConnectionSchema } from "@/lib/model";
import { formFields, humanizeKey, issuesByPath, valueAt, withValueAt, type FieldSpec } from "./form-schema";

const find = (fields: readonly FieldSpec[], key: string) => fields.find((field) => field.key === key);

describe("form-schema", () => {
  it("humanizes property names with units and acronyms", () => {
    expect(humanizeKey("healthCheck")).toBe("Health check");
    expect(humanizeKey("intervalSeconds")).toBe("Interval (s)");
    expect(humanizeKey("cpuTargetPercent")).toBe("CPU target (%)");
    expect(humanizeKey("multiAz")).toBe("Multi-AZ");
    expect(humanizeKey("rateLimitPerIpPer5Min")).toBe("Rate limit per IP per 5 min");
    expect(humanizeKey("httpsRedirect")).toBe("HTTPS redirect");
    expect(humanizeKey("allocatedStorageGb")).toBe("Allocated storage (GiB)");
  });

  it("describes the load balancer's health check as a fieldset with seed-cited limits and help", () => {
    const fields = formFields(kindDefinition("load-balancer").config);
    const healthCheck = find(fields, "healthCheck");
    expect(healthCheck?.type).toBe("object");
    if (healthCheck?.type !== "object") return;
    const interval = find(healthCheck.fields, "intervalSeconds");
    expect(interval).toMatchObject({ type: "number", integer: true, min: 5, max: 300, path: ["healthCheck", "intervalSeconds"], label: "Interval (s)" });
    expect(interval?.help).toContain("003");
    expect(find(fields, "algorithm")).toMatchObject({ type: "enum", options: ["round-robin", "least-connections"] });
    expect(find(fields, "tls")).toMatchObject({ type: "boolean" });
  });

  it("describes arrays: enum lists as multi-selects, object lists as list editors", () => {
    expect(find(formFields(kindDefinition("waf").config), "managedRuleGroups")).toMatchObject({ type: "enum-list" });
    const routes = find(formFields(kindDefinition("service").config), "routes");
    expect(routes).toMatchObject({ type: "object-list", maxItems: 50, itemDefaults: { method: "GET", path: "/" } });
  });

  it("marks optional fields without defaults as not required and honours omit", () => {
    const fields = formFields(ConnectionSchema, ["id", "source", "target"]);
    expect(fields.map((field) => field.key)).toEqual(["protocol", "timeoutMs", "retry", "circuitBreaker", "tls", "pathPrefix", "label"]);
    expect(find(fields, "pathPrefix")).toMatchObject({ required: false, type: "string" });
    expect(find(fields, "protocol")?.required).toBe(true);
  });

  it("reads and writes nested values without mutating", () => {
    const value = { a: { b: 1 }, list: [{ c: 2 }] };
    expect(valueAt(value, ["a", "b"])).toBe(1);
    const next = withValueAt(value, ["list", "0", "c"], 3);
    expect(next).toEqual({ a: { b: 1 }, list: [{ c: 3 }] });
    expect(value.list[0].c).toBe(2);
    expect(withValueAt(value, ["a", "b"], undefined)).toEqual({ a: {}, list: [{ c: 2 }] });
  });

  it("indexes zod issues by dotted path", () => {
    const result = kindDefinition("load-balancer").config.safeParse({ healthCheck: { intervalSeconds: 1 } });
    if (result.success) throw new Error("expected a failure");
    expect(issuesByPath(result.error).get("healthCheck.intervalSeconds")).toMatch(/>=5/);
  });
});
