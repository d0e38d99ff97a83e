import type { ValidationResult } from "../run-rules";
import type { Severity } from "./types";

/** Findings listed per rule when the caller does not say: enough to act on, few enough to read. */
export const DEFAULT_MAX_FINDINGS_PER_RULE = 20;
/** Findings listed in all when the caller does not say: keeps a response to a few hundred kilobytes. */
export const DEFAULT_MAX_FINDINGS = 200;

export interface FindingBounds {
  /** At most this many findings of any one rule are listed. */
  maxPerRule?: number;
  /** At most this many findings are listed in all. */
  maxFindings?: number;
}

/** The findings of one rule that a bounded result leaves out. */
export interface OmittedFindings {
  ruleId: string;
  title: string;
  severity: Severity;
  count: number;
}

/** A validation result whose `findings` list is cut to the bounds; `scores` still count every finding. */
export interface BoundedValidationResult extends ValidationResult {
  /** How many findings the rules produced, listed or not. */
  total: number;
  /** Per rule, the findings left out, in the order of the findings (most severe first); empty when nothing was cut. */
  omitted: OmittedFindings[];
}

/**
 * Bound a rule run for a response: the first `maxPerRule` findings of each rule (in the run's order, so
 * errors come first) up to `maxFindings` in all, plus per rule a count of those left out and the total.
 * Pure and linear; the scores are those of the whole run, computed from every finding, so cutting the list
 * never changes a score. Use it wherever findings leave the process (API responses, reports); the editor and
 * the CLI keep the full list.
 */
export function boundFindings(result: ValidationResult, bounds: FindingBounds = {}): BoundedValidationResult {
  const maxPerRule = bounds.maxPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE;
  const maxFindings = bounds.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const listedPerRule = new Map<string, number>();
  const omitted = new Map<string, OmittedFindings>();
  const findings = [];
  for (const finding of result.findings) {
    const listed = listedPerRule.get(finding.ruleId) ?? 0;
    if (listed < maxPerRule && findings.length < maxFindings) {
      findings.push(finding);
      listedPerRule.set(finding.ruleId, listed + 1);
      continue;
    }
    const left = omitted.get(finding.ruleId);
    if (left) left.count += 1;
    else omitted.set(finding.ruleId, { ruleId: finding.ruleId, title: finding.title, severity: finding.severity, count: 1 });
  }
  return { findings, scores: result.scores, total: result.findings.length, omitted: [...omitted.values()] };
}
