import type { Design } from "@/lib/model";
import type { Finding } from "@/lib/rules";
import { RECORD } from "../history";
import { settleAddedComponents } from "../settle-added";
import type { Command } from "./types";

/** The rules' applyFix: passed in, so the editor loads the rules only when someone applies a fix. */
export type ApplyFix = (design: Design, findingId: string) => Design;

/** A finding's mechanical fix, applied as one undoable step; components it adds land clear of other cards, in their zone. */
export function applyFixCommand(finding: Finding, applyFix: ApplyFix): Command {
  return { label: `Fix: ${finding.title}`, undo: RECORD, run: (design) => ({ design: settleAddedComponents(design, applyFix(design, finding.id)) }) };
}

/** Accept a finding with the team's reason; the acknowledgement is saved with the design. */
export function acknowledgeCommand(finding: Finding, reason: string): Command {
  return {
    label: `Acknowledge: ${finding.title}`,
    undo: RECORD,
    run: (design) => ({
      design: {
        ...design,
        acknowledgements: [
          ...design.acknowledgements.filter((entry) => entry.ruleId !== finding.ruleId || entry.targetId !== finding.targetId),
          { ruleId: finding.ruleId, targetId: finding.targetId, reason },
        ],
      },
    }),
  };
}

export function unacknowledgeCommand(finding: Finding): Command {
  return {
    label: `Reopen: ${finding.title}`,
    undo: RECORD,
    run: (design) => ({
      design: { ...design, acknowledgements: design.acknowledgements.filter((entry) => entry.ruleId !== finding.ruleId || entry.targetId !== finding.targetId) },
    }),
  };
}
