import type { DesignGraph } from "../../graph";
import type { Citation, Design } from "../../model";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ["reliability", "security", "performance", "operations", "cost"] as const;
export type Category = (typeof CATEGORIES)[number];

/** What a rule found, in the design's own terms; the engine adds the rule's metadata to make a Finding. */
export interface Detection {
  /** The component, connection or zone the finding is about; with the rule id it forms the finding id. */
  targetId: string;
  /** What is wrong, naming components by their names. */
  message: string;
  componentIds?: string[];
  connectionIds?: string[];
  zoneIds?: string[];
  /** Whether the rule's fix applies to this finding; defaults to whether the rule has a fix. */
  fixable?: boolean;
}

export interface Finding {
  /** `${ruleId}:${targetId}`, stable across edits that do not touch the target. */
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  rationale: string;
  remediation: string;
  citations: readonly Citation[];
  targetId: string;
  componentIds: string[];
  connectionIds: string[];
  zoneIds: string[];
  fixable: boolean;
  /** Present when the team accepted the finding; it then costs no score. */
  acknowledgement?: { reason: string };
}

export interface RuleContext {
  graph: DesignGraph;
}

export interface Rule {
  /** Equals the rule's file name. */
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  /** Why it matters. */
  rationale: string;
  /** Seed sections the rule comes from; each section text appears verbatim in its document. */
  citations: readonly Citation[];
  /** What to do about a finding. */
  remediation: string;
  check(design: Design, context?: RuleContext): Finding[];
  /** A pure, minimal edit that resolves `finding`; present only where the fix is mechanical. */
  fix?(design: Design, finding: Finding): Design;
}
