import { graphOf } from "../../graph";
import type { Design } from "../../model";
import type { Detection, Finding, Rule, RuleContext } from "./types";

export interface RuleDefinition extends Omit<Rule, "check"> {
  detect(design: Design, context: RuleContext): Detection[];
}

/** Turn a rule's detections into complete findings carrying the rule's metadata. */
export function defineRule(definition: RuleDefinition): Rule {
  const { detect, ...metadata } = definition;
  return {
    ...metadata,
    check(design, context = { graph: graphOf(design) }) {
      return detect(design, context).map(
        (detection): Finding => ({
          id: `${metadata.id}:${detection.targetId}`,
          ruleId: metadata.id,
          title: metadata.title,
          severity: metadata.severity,
          category: metadata.category,
          message: detection.message,
          rationale: metadata.rationale,
          remediation: metadata.remediation,
          citations: metadata.citations,
          targetId: detection.targetId,
          componentIds: detection.componentIds ?? [],
          connectionIds: detection.connectionIds ?? [],
          zoneIds: detection.zoneIds ?? [],
          fixable: metadata.fix !== undefined && (detection.fixable ?? true),
        }),
      );
    },
  };
}
