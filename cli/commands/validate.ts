import { formatCitation, type Design } from "@/lib/model";
import { runRules, type ValidationResult } from "@/lib/rules/run-rules";
import { CATEGORIES, SEVERITIES, type Finding, type Severity } from "@/lib/rules/support/types";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway validate FILE [--json]",
  "",
  "  FILE     A design document (JSON); - reads it from standard input.",
  "  --json   Print { findings, scores } as JSON, the same body as POST /api/validate.",
  "",
  "Exit status: 0 when no unacknowledged error-severity finding remains, 1 when one does, 2 when the input",
  "cannot be read or is not a valid design.",
].join("\n");

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const MARKS: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

function count(findings: readonly Finding[], severity: Severity): string {
  const n = findings.filter((finding) => finding.severity === severity).length;
  return `${n} ${severity === "info" ? "info" : `${severity}${n === 1 ? "" : "s"}`}`;
}

function describeFinding(finding: Finding): string[] {
  const lines = [`  ${MARKS[finding.severity]} ${finding.title} [${finding.category}] (${finding.id})`, `    ${finding.message}`];
  if (finding.acknowledgement) lines.push(`    Acknowledged: ${finding.acknowledgement.reason}`);
  else lines.push(`    Fix: ${finding.remediation}${finding.fixable ? " (automatic fix available in the editor)" : ""}`);
  lines.push(`    Source: ${finding.citations.map(formatCitation).join("; ")}`);
  return lines;
}

/** Findings grouped by severity, with names, remediation and seed citations, then the scores. */
export function formatReport(design: Design, result: ValidationResult): string {
  const open = result.findings.filter((finding) => !finding.acknowledgement);
  const acknowledged = result.findings.length - open.length;
  const summary = SEVERITIES.map((severity) => count(open, severity)).join(", ");
  const lines = [`Design "${design.name}": ${summary}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ""}`];
  for (const severity of SEVERITIES) {
    const group = result.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${HEADINGS[severity]}:`);
    for (const finding of group) lines.push(...describeFinding(finding));
  }
  const categories = CATEGORIES.map((category) => `${category} ${result.scores.categories[category].score}`).join(" · ");
  lines.push("", `Scores: overall ${result.scores.overall} · ${categories}`, result.scores.explanation, "");
  return lines.join("\n");
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "Check a design against the best-practice rules; exit 1 on errors (for CI)",
  usage: USAGE,
  async run(args, io) {
    const json = args.includes("--json");
    const files = args.filter((arg) => arg !== "--json");
    const unexpected = files.find((arg) => arg.startsWith("-") && arg !== "-");
    if (files.length !== 1 || unexpected) {
      io.stderr(`archway validate: ${unexpected ? `unknown option "${unexpected}"` : "give exactly one FILE (or - for standard input)"}\n\n${USAGE}\n`);
      return 2;
    }
    const [file] = files;
    const input = await readDesignArgument(io, file);
    if (input.kind === "failed") return reportInvalidInput(io, "validate", json, input.message, input.issues);
    const result = runRules(input.design);
    io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : formatReport(input.design, result));
    return result.findings.some((finding) => finding.severity === "error" && !finding.acknowledgement) ? 1 : 0;
  },
};
