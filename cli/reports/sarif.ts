import type { Log, ReportingDescriptor, Result } from "sarif";
import { formatCitation, type Design } from "@/lib/model";
import type { ValidationResult } from "@/lib/rules/run-rules";
import type { Finding, Rule, Severity } from "@/lib/rules/support/types";
import type { FileLocation } from "./json-locations";

/**
 * Findings as a SARIF 2.1.0 log, the format code-scanning tools read (GitHub code scanning, Azure DevOps, IDE
 * viewers): every rule with its rationale and a help text citing its seed sections, every finding with its rule,
 * message and the line of the component it points at in the design file. Acknowledged findings are reported as
 * suppressed, with the team's reason, so a viewer shows them as accepted rather than losing them.
 */

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVELS: Record<Severity, Result.level> = { error: "error", warning: "warning", info: "note" };

/** One checked design file. */
export interface SarifSource {
  /** The design file as named on the command line, relative to where CI runs; "-" is reported as stdin. */
  uri: string;
  locations: ReadonlyMap<string, FileLocation>;
  design: Design;
  validation: ValidationResult;
}

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const sources = rule.citations.length > 0 ? rule.citations.map(formatCitation).join("; ") : "the team's own rule";
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.remediation}\nSources: ${sources}.`, markdown: `${rule.remediation}\n\nSources: ${sources}.` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

function result(finding: Finding, ruleIndex: number | undefined, componentNames: ReadonlyMap<string, string>, source: SarifSource, artifactIndex: number): Result {
  const location = source.locations.get(finding.targetId);
  const componentName = componentNames.get(finding.targetId);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message} Fix: ${finding.remediation}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: source.uri, index: artifactIndex },
          ...(location ? { region: { startLine: location.line, startColumn: location.column } } : {}),
        },
        logicalLocations: [{ name: componentName ?? finding.targetId, fullyQualifiedName: finding.targetId, kind: componentName === undefined ? "element" : "component" }],
      },
    ],
    partialFingerprints: { archwayFinding: finding.id },
    ...(finding.acknowledgement ? { suppressions: [{ kind: "inSource" as const, status: "accepted" as const, justification: finding.acknowledgement.reason }] } : {}),
  };
}

/** One run over every checked file: the rules that ran, each file as an artifact, every finding as a result. */
export function findingsAsSarif(sources: readonly SarifSource[], rules: readonly Rule[], archwayVersion: string): Log {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Archway", version: archwayVersion, rules: rules.map(ruleDescriptor) } },
        artifacts: sources.map((source) => ({ location: { uri: source.uri }, mimeType: "application/json" })),
        results: sources.flatMap((source, artifactIndex) => {
          const componentNames = new Map(source.design.components.map((component) => [component.id, component.name]));
          return source.validation.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId), componentNames, source, artifactIndex));
        }),
      },
    ],
  };
}
