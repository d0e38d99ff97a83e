"use client";

import { useDeferredValue, useMemo } from "react";
import { ExportButton } from "@/components/export/ExportButton";
import { FindingsPanel, worstSeverityByTarget } from "@/components/findings/FindingsPanel";
import { OutputsPanel } from "@/components/outputs/OutputsPanel";
import { SimulationPanel } from "@/components/simulation/SimulationPanel";
import { SimulationProvider } from "@/components/simulation/SimulationProvider";
import { acknowledgeCommand, applyFixCommand, unacknowledgeCommand } from "@/lib/designer/commands/findings";
import type { Design } from "@/lib/model";
import { runRules, type ValidationResult } from "@/lib/rules/run-rules";
import type { EditorPanel, EditorPanelContext } from "./Editor";
import { EditorRoute } from "./EditorRoute";

/** One-slot memo: the badges and the findings tab ask for the same design's findings, so rules run once per design. */
let lastValidated: { design: Design; result: ValidationResult } | undefined;
function validate(design: Design): ValidationResult {
  if (lastValidated?.design !== design) lastValidated = { design, result: runRules(design) };
  return lastValidated.result;
}

function badgesFor(design: Design) {
  return worstSeverityByTarget(validate(design).findings);
}

/** Findings follow the design with a deferred value, so checking never blocks typing in the inspector. */
function FindingsTab({ design, store, reveal }: EditorPanelContext) {
  const deferredDesign = useDeferredValue(design);
  const { findings, scores } = useMemo(() => validate(deferredDesign), [deferredDesign]);
  return (
    <FindingsPanel
      findings={findings}
      scores={scores}
      onSelect={(finding) => reveal({ componentIds: finding.componentIds, connectionIds: finding.connectionIds, zoneIds: finding.zoneIds })}
      onFix={(finding) => store.dispatch(applyFixCommand(finding))}
      onAcknowledge={(finding, reason) => store.dispatch(acknowledgeCommand(finding, reason))}
      onUnacknowledge={(finding) => store.dispatch(unacknowledgeCommand(finding))}
    />
  );
}

const PANELS: readonly EditorPanel[] = [
  { id: "findings", title: "Findings", render: (context) => <FindingsTab {...context} /> },
  { id: "outputs", title: "Outputs", render: ({ design }) => <OutputsPanel design={design} /> },
  { id: "simulate", title: "Simulate", render: ({ design, reveal }) => <SimulationPanel design={design} reveal={reveal} /> },
];

/** The editor with Archway's side panels: best-practice findings and generated outputs. */
export function DesignWorkspace({ designId }: { designId: string }) {
  return (
    <SimulationProvider>
      <EditorRoute designId={designId} panels={PANELS} badgesFor={badgesFor} headerActions={({ design }) => <ExportButton design={design} />} />
    </SimulationProvider>
  );
}
