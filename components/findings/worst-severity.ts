import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/support/types";

/**
 * The most severe open finding per target id (component, connection or zone), for canvas badges.
 * Acknowledged findings do not count: the team accepted them.
 */
export function worstSeverityByTarget(findings: readonly Finding[]): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const finding of findings) {
    if (finding.acknowledgement) continue;
    const current = worst.get(finding.targetId);
    if (current === undefined || SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(current)) worst.set(finding.targetId, finding.severity);
  }
  return worst;
}
