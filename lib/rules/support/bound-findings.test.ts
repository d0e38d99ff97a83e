import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { runRules, scoreFindings } from "../run-rules";
import { designBuilder } from "@/tests/helpers/design-builder";
import { boundFindings } from "./bound-findings";
import { SEVERITIES, type Finding } from "./types";

function finding(ruleId: string, targetId: string, severity: Finding["severity"] = "warning"): Finding {
  return {
    id: `${ruleId}:${targetId}`,
    ruleId,
    title: `Title of ${ruleId}`,
    severity,
    category: "reliability",
    message: "",
    rationale: "",
    remediation: "",
    citations: [],
    targetId,
    componentIds: [],
    connectionIds: [],
    zoneIds: [],
    fixable: false,
  };
}

describe("boundFindings", () => {
  test("lists the first findings of each rule, counts the rest per rule, and keeps the scores of the whole run", () => {
    const findings = [
      finding("a", "1", "error"),
      finding("a", "2", "error"),
      finding("a", "3", "error"),
      finding("b", "1"),
      finding("c", "1", "info"),
      finding("c", "2", "info"),
    ];
    const result = { findings, scores: scoreFindings(findings) };
    const bounded = boundFindings(result, { maxPerRule: 1 });
    expect(bounded.findings.map((item) => item.id)).toEqual(["a:1", "b:1", "c:1"]);
    expect(bounded.omitted).toEqual([
      { ruleId: "a", title: "Title of a", severity: "error", count: 2 },
      { ruleId: "c", title: "Title of c", severity: "info", count: 1 },
    ]);
    expect(bounded.total).toBe(6);
    expect(bounded.scores).toBe(result.scores);
    expect(boundFindings(result, { maxFindings: 4 }).findings.map((item) => item.id)).toEqual(["a:1", "a:2", "a:3", "b:1"]);
    expect(boundFindings(result)).toEqual({ ...result, total: 6, omitted: [] });
  });

  test("whatever the findings, the list respects both bounds and listed plus omitted is the total", () => {
    const runs = fc.array(fc.record({ rule: fc.constantFrom("a", "b", "c", "d"), severity: fc.constantFrom(...SEVERITIES) }), { maxLength: 200 });
    fc.assert(
      fc.property(runs, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 50 }), (items, maxPerRule, maxFindings) => {
        const findings = items.map((item, index) => finding(item.rule, String(index), item.severity));
        const bounded = boundFindings({ findings, scores: scoreFindings(findings) }, { maxPerRule, maxFindings });
        expect(bounded.findings.length).toBeLessThanOrEqual(maxFindings);
        for (const rule of ["a", "b", "c", "d"]) expect(bounded.findings.filter((item) => item.ruleId === rule).length).toBeLessThanOrEqual(maxPerRule);
        expect(bounded.findings.length + bounded.omitted.reduce((sum, item) => sum + item.count, 0)).toBe(findings.length);
        expect(bounded.total).toBe(findings.length);
        expect(bounded.findings).toEqual(findings.filter((item) => bounded.findings.includes(item)));
      }),
    );
  });

  test("bounds a real run of a design with many findings of one rule", () => {
    const builder = designBuilder().component("client", "web");
    for (let index = 0; index < 60; index += 1) builder.component("service", `s${index}`).connect("web", `s${index}`);
    const result = runRules(builder.build());
    const bounded = boundFindings(result, { maxPerRule: 5 });
    expect(result.findings.filter((item) => item.ruleId === "waf-before-public-entry")).toHaveLength(60);
    expect(bounded.findings.filter((item) => item.ruleId === "waf-before-public-entry")).toHaveLength(5);
    expect(bounded.omitted.find((item) => item.ruleId === "waf-before-public-entry")?.count).toBe(55);
    expect(bounded.scores).toEqual(result.scores);
  });
});
