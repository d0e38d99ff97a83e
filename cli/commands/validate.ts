import { glob } from "tinyglobby";
import { formatCitation, type Design } from "@/lib/model";
import { runRules, type ValidationResult } from "@/lib/rules/run-rules";
import { RuleConfigError } from "@/lib/rules/custom/config";
import { CATEGORIES, SEVERITIES, type Finding, type Rule, type Severity } from "@/lib/rules/support/types";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import { itemLocations } from "../reports/json-locations";
import { findingsAsJunit } from "../reports/junit";
import { findingsAsSarif } from "../reports/sarif";
import { CONFIG_FILE, loadRuleConfig } from "../rule-config";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway validate [FILE...] [--format text|json|sarif|junit] [--fail-on error|warning|info] [--config PATH]",
  "",
  "  FILE         Design documents (JSON); - reads one from standard input. Without FILE, the files that",
  "               archway.config.json's \"designs\" globs match.",
  "  --format F   text (default); json: { findings, scores }, the same body as POST /api/validate (--json also",
  "               works); sarif: a SARIF 2.1.0 log for code scanning; junit: JUnit XML, one test case per rule.",
  "  --fail-on S  The lowest severity that fails the check (default error).",
  "  --config P   The rule configuration (default: archway.config.json here, when there is one): rule",
  "               severities or off, rules written as data, rule modules. See README \"The CI gate\".",
  "",
  "Exit status: 0 when no unacknowledged finding at or above --fail-on remains, 1 when one does, 2 when the",
  "input cannot be read or is not a valid design.",
].join("\n");

const FORMATS = ["text", "json", "sarif", "junit"] as const;
type Format = (typeof FORMATS)[number];

interface Arguments {
  files: string[];
  format: Format;
  failOn: Severity;
  config?: string;
}

function oneOf<T extends string>(values: readonly T[], text: string | undefined): text is T {
  return text !== undefined && (values as readonly string[]).includes(text);
}

function parseArguments(args: readonly string[]): Arguments | string {
  let format: Format = "text";
  let failOn: Severity = "error";
  let config: string | undefined;
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
    } else if (arg === "--config") {
      index += 1;
      if (!args[index]) return "--config needs a path";
      config = args[index];
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else files.push(arg);
  }
  if (files.filter((file) => file === "-").length > 1) return "only one FILE can be - (standard input)";
  return { files, format, failOn, ...(config === undefined ? {} : { config }) };
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
  if (finding.citations.length > 0) lines.push(`    Source: ${finding.citations.map(formatCitation).join("; ")}`);
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

interface Checked {
  file: string;
  text: string;
  design: Design;
  result: ValidationResult;
}

function report(checked: readonly Checked[], rules: readonly Rule[], format: Format, failOn: Severity): string {
  const uri = (file: string) => (file === "-" ? "stdin" : file);
  if (format === "json") {
    const bodies = checked.map(({ file, result }) => ({ file: uri(file), ...result }));
    return `${JSON.stringify(bodies.length === 1 ? checked[0].result : { files: bodies }, null, 2)}\n`;
  }
  if (format === "sarif") {
    const sources = checked.map(({ file, text, design, result }) => ({ uri: uri(file), locations: itemLocations(text, design), design, validation: result }));
    return `${JSON.stringify(findingsAsSarif(sources, rules, ARCHWAY_VERSION), null, 2)}\n`;
  }
  if (format === "junit") return `${findingsAsJunit(checked.map(({ file, design, result }) => ({ file: uri(file), design, validation: result })), rules, failOn)}\n`;
  return checked.map(({ file, design, result }) => (checked.length === 1 ? "" : `${uri(file)}\n`) + formatReport(design, result)).join("\n");
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "Check designs against the best-practice and your own rules; text, JSON, SARIF or JUnit; exit 1 on errors",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
      io.stderr(`archway validate: ${parsed}\n\n${USAGE}\n`);
      return 2;
    }
    const { format, failOn } = parsed;
    let loaded;
    try {
      loaded = await loadRuleConfig(io.cwd, parsed.config);
    } catch (error) {
      if (!(error instanceof RuleConfigError)) throw error;
      io.stderr(`archway validate: ${error.message}\n`);
      return 2;
    }
    const files = parsed.files.length > 0 ? parsed.files : await glob(loaded.config.designs ?? [], { cwd: io.cwd, onlyFiles: true, expandDirectories: false });
    if (files.length === 0) {
      const reason = loaded.config.designs ? `no file matches the "designs" globs of ${CONFIG_FILE}` : "give a FILE (or - for standard input), or list design globs in archway.config.json";
      io.stderr(`archway validate: ${reason}\n\n${USAGE}\n`);
      return 2;
    }
    const checked: Checked[] = [];
    for (const file of [...files].sort()) {
      const input = await readDesignArgument(io, file);
      if (input.kind === "failed") return reportInvalidInput(io, "validate", format === "json", input.message, input.issues);
      checked.push({ file, text: input.text, design: input.design, result: runRules(input.design, loaded.rules) });
    }
    io.stdout(report(checked, loaded.rules, format, failOn));
    const threshold = SEVERITIES.indexOf(failOn);
    return checked.some(({ result }) => result.findings.some((finding) => !finding.acknowledgement && SEVERITIES.indexOf(finding.severity) <= threshold)) ? 1 : 0;
  },
};
