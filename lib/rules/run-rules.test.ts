import { describe, expect, test } from "vitest";
import type { ComponentKind } from "../catalog";
import { createComponent, createConnection, createEmptyDesign, type Design } from "../model";
import { applyFix, runRules, scoreFindings } from "./run-rules";
import { compliantStack, designBuilder } from "@/tests/helpers/design-builder";
import { CATEGORIES, SEVERITIES, type Finding } from "./support/types";

/** What a person draws first in the editor: Client → Load balancer → Service → Database, with the editor's defaults. */
function editorSketch(): Design {
  let design = createEmptyDesign("Sketch");
  const add = (kind: ComponentKind, x: number) => {
    const component = createComponent(design, kind, { x, y: 0 });
    design = { ...design, components: [...design.components, component] };
    return component;
  };
  const [client, balancer, service, database] = (["client", "load-balancer", "service", "database"] as const).map((kind, index) => add(kind, index * 200));
  for (const [source, target] of [
    [client, balancer],
    [balancer, service],
    [service, database],
  ]) {
    design = { ...design, connections: [...design.connections, createConnection(design, source, target)] };
  }
  return design;
}

describe("runRules", () => {
  test("a design that follows every rule has no findings and full scores", () => {
    const { findings, scores } = runRules(compliantStack().build());
    expect(findings).toEqual([]);
    expect(scores.overall).toBe(100);
    expect(Object.values(scores.categories).map((category) => category.score)).toEqual([100, 100, 100, 100, 100]);
  });

  test("the editor's first sketch gets the WAF finding, with names and a citation", () => {
    const { findings } = runRules(editorSketch());
    const waf = findings.find((finding) => finding.ruleId === "waf-before-public-entry");
    expect(waf).toMatchObject({
      id: "waf-before-public-entry:load-balancer-1",
      severity: "error",
      category: "security",
      message: "Requests reach Load balancer from the internet without passing a WAF (Client → Load balancer).",
      fixable: true,
    });
    expect(waf!.citations[0]).toEqual({ doc: "002", section: "Defense in Depth" });
  });

  test("findings come in a stable order: severity, category, rule, target", () => {
    const { findings } = runRules(editorSketch());
    const key = (finding: Finding) => [SEVERITIES.indexOf(finding.severity), CATEGORIES.indexOf(finding.category), finding.ruleId, finding.targetId];
    const sorted = [...findings].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let index = 0; index < x.length; index += 1) if (x[index] !== y[index]) return x[index] < y[index] ? -1 : 1;
      return 0;
    });
    expect(findings.map((finding) => finding.id)).toEqual(sorted.map((finding) => finding.id));
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
    expect(runRules(editorSketch()).findings).toEqual(findings);
  });

  test("acknowledged findings are returned with the reason and cost no score", () => {
    const open = compliantStack().configure("orders-db", { multiAz: false }).build();
    const accepted = compliantStack()
      .configure("orders-db", { multiAz: false })
      .acknowledge("database-multi-az", "orders-db", "Staging only; restored from backup if lost")
      .build();
    expect(runRules(open).scores.categories.reliability).toMatchObject({ score: 75, open: { error: 1, warning: 0, info: 0 }, acknowledged: 0 });
    const { findings, scores } = runRules(accepted);
    expect(findings).toEqual([
      expect.objectContaining({ id: "database-multi-az:orders-db", acknowledgement: { reason: "Staging only; restored from backup if lost" } }),
    ]);
    expect(scores.categories.reliability).toMatchObject({ score: 100, acknowledged: 1 });
    expect(scores.overall).toBe(100);
  });

  test("scores multiply per open finding and explain the computation", () => {
    const finding = (severity: Finding["severity"], category: Finding["category"]) => ({ severity, category }) as Finding;
    const scores = scoreFindings([finding("error", "security"), finding("warning", "security"), finding("warning", "security"), finding("info", "cost")]);
    expect(scores.categories.security.score).toBe(61);
    expect(scores.categories.security.explanation).toBe("Security: 100 × 0.75^1 × 0.9^2 = 61 (1 error, 2 warnings).");
    expect(scores.categories.cost.explanation).toBe("Cost: 100 × 0.97^1 = 97 (1 info).");
    expect(scores.overall).toBe(92);
    expect(scores.explanation).toContain("(100 + 61 + 100 + 100 + 97) / 5 = 92");
  });
});

describe("applyFix", () => {
  test("pressing Fix on the WAF finding inserts a WAF and the finding is gone", () => {
    const sketch = editorSketch();
    const fixed = applyFix(sketch, "waf-before-public-entry:load-balancer-1");
    expect(fixed.components.map((component) => component.kind)).toContain("waf");
    expect(runRules(fixed).findings.map((finding) => finding.id)).not.toContain("waf-before-public-entry:load-balancer-1");
    expect(sketch.components.map((component) => component.kind)).not.toContain("waf");
  });

  test("a gateway timeout below its service's raises the timeout finding, and Fix resolves it", () => {
    const design = designBuilder()
      .component("client", "web")
      .component("api-gateway", "gateway", { name: "API gateway" })
      .component("service", "orders", { name: "Order service" })
      .component("database", "db", { name: "Orders DB" })
      .connect("web", "gateway")
      .connect("gateway", "orders", { timeoutMs: 10_000 })
      .connect("orders", "db", { id: "orders-db", timeoutMs: 30_000 })
      .build();
    const finding = runRules(design).findings.find((candidate) => candidate.ruleId === "timeout-shrinks-along-path");
    expect(finding?.message).toBe("API gateway times out after 10 s waiting for Order service, but its downstream Order service waits 30 s for Orders DB.");
    const fixed = applyFix(design, finding!.id);
    expect(runRules(fixed).findings.map((candidate) => candidate.ruleId)).not.toContain("timeout-shrinks-along-path");
  });

  test("applying every fix of a messy design leaves only findings without a fix", () => {
    let design = editorSketch();
    for (let round = 0; round < 10; round += 1) {
      const next = runRules(design).findings.find((finding) => finding.fixable);
      if (!next) break;
      design = applyFix(design, next.id);
    }
    expect(runRules(design).findings.filter((finding) => finding.fixable)).toEqual([]);
  });

  test("refuses unknown findings and findings without a fix", () => {
    const design = designBuilder().component("cache", "lonely").build();
    expect(() => applyFix(design, "no-such-rule:lonely")).toThrow('No rule "no-such-rule"');
    expect(() => applyFix(design, "database-multi-az:lonely")).toThrow("is not present");
    expect(() => applyFix(design, "dangling-component:lonely")).toThrow("has no automatic fix");
  });
});
