import type { Log, ReportingDescriptor, Result } from "sarif";
import { formatCitation, type Design } from "@/lib/model";
import { RULES } from "@/lib/rules";
import type { ValidationResult } from "@/lib/rules/run-rules";
import type { Finding, Severity } from "@/lib/rules/support/types";
import type { FileLocation } from "./json-locations";

/**
 * Findings as a SARIF 2.1.0 log, the format code-scanning tools read (GitHub code scanning, Azure DevOps, IDE
 * viewers): every rule with its rationale and a help text citing its seed sections, every finding with its rule,
 * message and the line of the component it points at in the design file. Acknowledged findings are reported as
 * suppressed, with the team's reason, so a viewer shows them as accepted rather than losing them.
 */

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVELS: Record<Severity, Result.level> = { error: "error", warning: "warning", info: "note" };

export interface SarifSource {
  /** The design file as named on the command line, relative to where CI runs; "-" is reported as stdin. */
  uri: string;
  locations: ReadonlyMap<string, FileLocation>;
  archwayVersion: string;
}

function ruleDescriptor(rule: (typeof RULES)[number]): ReportingDescriptor {
  const sources = rule.citations.map(formatCitation).join("; ");
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

function result(finding: Finding, ruleIndex: number | undefined, componentNames: ReadonlyMap<string, string>, source: SarifSource): Result {
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
          artifactLocation: { uri: source.uri, index: 0 },
          ...(location ? { region: { startLine: location.line, startColumn: location.column } } : {}),
        },
        logicalLocations: [{ name: componentName ?? finding.targetId, fullyQualifiedName: finding.targetId, kind: componentName === undefined ? "element" : "component" }],
      },
    ],
    partialFingerprints: { archwayFinding: finding.id },
    ...(finding.acknowledgement ? { suppressions: [{ kind: "inSource" as const, status: "accepted" as const, justification: finding.acknowledgement.reason }] } : {}),
  };
}

export function findingsAsSarif(design: Design, validation: ValidationResult, source: SarifSource): Log {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const componentNames = new Map(design.components.map((component) => [component.id, component.name]));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Archway",
            version: source.archwayVersion,
            rules: RULES.map(ruleDescriptor),
          },
        },
        artifacts: [{ location: { uri: source.uri }, mimeType: "application/json" }],
        results: validation.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId), componentNames, source)),
      },
    ],
  };
}
