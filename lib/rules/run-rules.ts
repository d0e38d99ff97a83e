import { graphOf } from "../graph";
import type { Design } from "../model";
import { RULES, ruleById } from "./index";
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Rule, type Severity } from "./support/types";

/** What one open finding does to its category's score. */
export const SCORE_FACTORS: Readonly<Record<Severity, number>> = { error: 0.75, warning: 0.9, info: 0.97 };

export interface CategoryScore {
  category: Category;
  /** 0-100. */
  score: number;
  /** Unacknowledged findings by severity. */
  open: Record<Severity, number>;
  acknowledged: number;
  /** The computation, for a tooltip. */
  explanation: string;
}

export interface Scores {
  /** 0-100: the mean of the category scores. */
  overall: number;
  categories: Record<Category, CategoryScore>;
  explanation: string;
}

export interface ValidationResult {
  findings: Finding[];
  scores: Scores;
}

const severityRank = new Map(SEVERITIES.map((severity, index) => [severity, index]));
const categoryRank = new Map(CATEGORIES.map((category, index) => [category, index]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank.get(a.severity)! - severityRank.get(b.severity)! ||
    categoryRank.get(a.category)! - categoryRank.get(b.category)! ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.targetId, b.targetId)
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function scoreCategory(category: Category, findings: readonly Finding[]): CategoryScore {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let acknowledged = 0;
  for (const finding of findings) {
    if (finding.category !== category) continue;
    if (finding.acknowledgement) acknowledged += 1;
    else open[finding.severity] += 1;
  }
  const exact = SEVERITIES.reduce((score, severity) => score * SCORE_FACTORS[severity] ** open[severity], 100);
  const score = Math.round(exact);
  const factors = SEVERITIES.filter((severity) => open[severity] > 0).map((severity) => `${SCORE_FACTORS[severity]}^${open[severity]}`);
  const counts = SEVERITIES.filter((severity) => open[severity] > 0).map((severity) => `${open[severity]} ${severity}${open[severity] === 1 ? "" : "s"}`);
  const detail = [counts.length > 0 ? counts.join(", ") : "no open findings", ...(acknowledged > 0 ? [`${acknowledged} acknowledged, not counted`] : [])];
  return {
    category,
    score,
    open,
    acknowledged,
    explanation: `${capitalise(category)}: ${["100", ...factors].join(" × ")} = ${score} (${detail.join("; ")}).`,
  };
}

/** Per-category scores and their mean; acknowledged findings cost nothing. */
export function scoreFindings(findings: readonly Finding[]): Scores {
  const categories = Object.fromEntries(CATEGORIES.map((category) => [category, scoreCategory(category, findings)])) as Record<Category, CategoryScore>;
  const values = CATEGORIES.map((category) => categories[category].score);
  const overall = Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
  const explanation =
    `Each category starts at 100; every open error multiplies it by ${SCORE_FACTORS.error}, every warning by ${SCORE_FACTORS.warning} ` +
    `and every info by ${SCORE_FACTORS.info}. Acknowledged findings are not counted. Overall is the mean of the ${CATEGORIES.length} categories: ` +
    `(${values.join(" + ")}) / ${values.length} = ${overall}.`;
  return { overall, categories, explanation };
}

/** Run every rule over a design: findings in a stable order (severity, category, rule, target) and scores. */
export function runRules(design: Design, rules: readonly Rule[] = RULES): ValidationResult {
  const context = { graph: graphOf(design) };
  const reasons = new Map(design.acknowledgements.map((acknowledgement) => [`${acknowledgement.ruleId}:${acknowledgement.targetId}`, acknowledgement.reason]));
  const findings = rules
    .flatMap((rule) => rule.check(design, context))
    .map((finding) => {
      const reason = reasons.get(finding.id);
      return reason === undefined ? finding : { ...finding, acknowledgement: { reason } };
    })
    .sort(compareFindings);
  return { findings, scores: scoreFindings(findings) };
}

/** Apply the mechanical fix of one finding, as one pure step; throws when the finding is absent or has no fix. */
export function applyFix(design: Design, findingId: string): Design {
  const ruleId = findingId.slice(0, findingId.indexOf(":"));
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`No rule "${ruleId}" for finding "${findingId}"`);
  const finding = rule.check(design).find((candidate) => candidate.id === findingId);
  if (!finding) throw new Error(`Finding "${findingId}" is not present in this design`);
  if (!finding.fixable || !rule.fix) throw new Error(`Finding "${findingId}" has no automatic fix`);
  return rule.fix(design, finding);
}
