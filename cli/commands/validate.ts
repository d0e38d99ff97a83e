import { formatCitation, type Design } from "@/lib/model";
import { runRules, type ValidationResult } from "@/lib/rules/run-rules";
import { CATEGORIES, SEVERITIES, type Finding, type Severity } from "@/lib/rules/support/types";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import { itemLocations } from "../reports/json-locations";
import { findingsAsJunit } from "../reports/junit";
import { findingsAsSarif } from "../reports/sarif";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway validate FILE [--format text|json|sarif|junit] [--fail-on error|warning|info]",
  "",
  "  FILE         A design document (JSON); - reads it from standard input.",
  "  --format F   text (default); json: { findings, scores }, the same body as POST /api/validate (--json also",
  "               works); sarif: a SARIF 2.1.0 log for code scanning; junit: JUnit XML, one test case per rule.",
  "  --fail-on S  The lowest severity that fails the check (default error).",
  "",
  "Exit status: 0 when no unacknowledged finding at or above --fail-on remains, 1 when one does, 2 when the",
  "input cannot be read or is not a valid design.",
].join("\n");

const FORMATS = ["text", "json", "sarif", "junit"] as const;
type Format = (typeof FORMATS)[number];

interface Arguments {
  file: string;
  format: Format;
  failOn: Severity;
}

function oneOf<T extends string>(values: readonly T[], text: string | undefined): text is T {
  return text !== undefined && (values as readonly string[]).includes(text);
}

function parseArguments(args: readonly string[]): Arguments | string {
  let format: Format = "text";
  let failOn: Severity = "error";
  const files: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--json") format = "json";
    else if (arg === "--format") {
      index += 1;
      if (!oneOf(FORMATS, args[index])) return `--format takes one of ${FORMATS.join(", ")}`;
      format = args[index] as Format;
    } else if (arg === "--fail-on") {
      index += 1;
      if (!oneOf(SEVERITIES, args[index])) return `--fail-on takes one of ${SEVERITIES.join(", ")}`;
      failOn = args[index] as Severity;
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else files.push(arg);
  }
  return files.length === 1 ? { file: files[0], format, failOn } : "give exactly one FILE (or - for standard input)";
}

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
  summary: "Check a design against the best-practice rules; text, JSON, SARIF or JUnit; exit 1 on errors (for CI)",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
      io.stderr(`archway validate: ${parsed}\n\n${USAGE}\n`);
      return 2;
    }
    const { file, format, failOn } = parsed;
    const input = await readDesignArgument(io, file);
    if (input.kind === "failed") return reportInvalidInput(io, "validate", format === "json", input.message, input.issues);
    const result = runRules(input.design);
    const uri = file === "-" ? "stdin" : file;
    if (format === "json") io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === "sarif") {
      const sarif = findingsAsSarif(input.design, result, { uri, locations: itemLocations(input.text, input.design), archwayVersion: ARCHWAY_VERSION });
      io.stdout(`${JSON.stringify(sarif, null, 2)}\n`);
    } else if (format === "junit") io.stdout(`${findingsAsJunit(input.design, result, { file: uri, failOn })}\n`);
    else io.stdout(formatReport(input.design, result));
    const threshold = SEVERITIES.indexOf(failOn);
    return result.findings.some((finding) => !finding.acknowledgement && SEVERITIES.indexOf(finding.severity) <= threshold) ? 1 : 0;
  },
};
