import junitReports from "junit-report-builder";
import { formatCitation, type Design } from "@/lib/model";
import type { ValidationResult } from "@/lib/rules/run-rules";
import { SEVERITIES, type Finding, type Rule, type Severity } from "@/lib/rules/support/types";

/**
 * Findings as JUnit XML, the report every CI test view reads: one test suite per design, one test case per rule, failed
 * when the rule has an open finding at or above the `failOn` severity. Findings below it and acknowledged ones are
 * written to the case's standard output, so nothing is hidden and only what the gate counts fails.
 */

function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

function describe(finding: Finding, componentNames: ReadonlyMap<string, string>): string {
  const target = componentNames.get(finding.targetId) ?? finding.targetId;
  const lines = [`[${finding.severity}] ${target}: ${finding.message}`];
  lines.push(finding.acknowledgement ? `  Acknowledged: ${finding.acknowledgement.reason}` : `  Fix: ${finding.remediation}`);
  if (finding.citations.length > 0) lines.push(`  Source: ${finding.citations.map(formatCitation).join("; ")}`);
  return lines.join("\n");
}

export interface JunitSource {
  file: string;
  design: Design;
  validation: ValidationResult;
}

/** One test suite per design file, one test case per rule that ran. */
export function findingsAsJunit(sources: readonly JunitSource[], rules: readonly Rule[], failOn: Severity): string {
  const builder = junitReports.newBuilder().name("archway validate");
  for (const source of sources) {
    const suite = builder.testSuite().name(`${source.file}: ${source.design.name}`);
    const componentNames = new Map(source.design.components.map((component) => [component.id, component.name]));
    const byRule = new Map<string, Finding[]>();
    for (const finding of source.validation.findings) {
      const group = byRule.get(finding.ruleId);
      if (group) group.push(finding);
      else byRule.set(finding.ruleId, [finding]);
    }
    for (const rule of rules) {
      const findings = byRule.get(rule.id) ?? [];
      const fails = (finding: Finding) => !finding.acknowledgement && atLeast(finding.severity, failOn);
      const failing = findings.filter(fails);
      const reported = findings.filter((finding) => !fails(finding));
      const testCase = suite.testCase().className(`archway.${rule.category}`).name(`${rule.id}: ${rule.title}`).file(source.file);
      if (failing.length > 0) {
        testCase.failure(`${failing.length} open ${failing.length === 1 ? "finding" : "findings"}: ${rule.title}`, rule.severity);
        testCase.stacktrace(failing.map((finding) => describe(finding, componentNames)).join("\n\n"));
      }
      if (reported.length > 0) testCase.standardOutput(reported.map((finding) => describe(finding, componentNames)).join("\n\n"));
    }
  }
  return builder.build();
}
