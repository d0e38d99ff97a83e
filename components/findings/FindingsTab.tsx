"use client";

import { useDeferredValue } from "react";
import type { EditorPanelContext } from "@/components/designer/Editor";
import { acknowledgeCommand, applyFixCommand, unacknowledgeCommand } from "@/lib/designer/commands/findings";
import { selectionOf } from "@/lib/designer/selection";
import { FindingsPanel } from "./FindingsPanel";
import styles from "./FindingsPanel.module.css";
import { useValidation } from "./validation";

/** Findings follow the design with a deferred value and are checked in a worker, so checking never blocks the page. */
export function FindingsTab({ design, store, reveal }: EditorPanelContext) {
  const { result, running, error } = useValidation(useDeferredValue(design));
  if (error) {
    return (
      <p role="alert" className={styles.failed}>
        The design could not be checked: {error}
      </p>
    );
  }
  if (!result) {
    return (
      <p role="status" className={styles.notice}>
        Checking the design…
      </p>
    );
  }
  return (
    <FindingsPanel
      findings={result.findings}
      scores={result.scores}
      checking={running}
      onSelect={(finding) => reveal(selectionOf({ componentIds: finding.componentIds, connectionIds: finding.connectionIds, zoneIds: finding.zoneIds }))}
      onFix={(finding) =>
        // The rules load on the first fix: the findings themselves come from the validation worker.
        void import("@/lib/rules/run-rules").then(({ applyFix }) => store.dispatch(applyFixCommand(finding, applyFix)))
      }
      onAcknowledge={(finding, reason) => store.dispatch(acknowledgeCommand(finding, reason))}
      onUnacknowledge={(finding) => store.dispatch(unacknowledgeCommand(finding))}
    />
  );
}
