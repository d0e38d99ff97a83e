"use client";

import { ExportButton } from "@/components/export/ExportButton";
import { FindingsTab } from "@/components/findings/FindingsTab";
import { useFindingBadges, ValidationProvider } from "@/components/findings/validation";
import { OutputsPanel } from "@/components/outputs/OutputsPanel";
import { SimulationPanel } from "@/components/simulation/SimulationPanel";
import { SimulationProvider } from "@/components/simulation/SimulationProvider";
import type { EditorPanel } from "./Editor";
import { EditorRoute } from "./EditorRoute";

const PANELS: readonly EditorPanel[] = [
  { id: "findings", title: "Findings", render: (context) => <FindingsTab {...context} /> },
  { id: "outputs", title: "Outputs", render: ({ design }) => <OutputsPanel design={design} /> },
  { id: "simulate", title: "Simulate", render: ({ design, reveal }) => <SimulationPanel design={design} reveal={reveal} /> },
];

/** The editor with Archway's side panels: best-practice findings and generated outputs. */
export function DesignWorkspace({ designId }: { designId: string }) {
  return (
    <ValidationProvider>
      <SimulationProvider>
        <EditorRoute designId={designId} panels={PANELS} useBadges={useFindingBadges} headerActions={({ design }) => <ExportButton design={design} />} />
      </SimulationProvider>
    </ValidationProvider>
  );
}
