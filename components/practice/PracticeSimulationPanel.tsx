"use client";

import { useCallback } from "react";
import type { EditorPanelContext } from "@/components/designer/Editor";
import { SimulationPanel } from "@/components/simulation/SimulationPanel";
import type { Design } from "@/lib/model";
import { stageLoads } from "@/lib/practice";
import { usePracticeSession } from "./session-context";

/** The Simulate tab of a practice session: it starts from the load of the scenario's current stage, the load the drills use. */
export function PracticeSimulationPanel({ design, reveal }: Pick<EditorPanelContext, "design" | "reveal">) {
  const { scenario, session } = usePracticeSession();
  const stageId = session.state.stageId;
  const baseLoads = useCallback((current: Design) => stageLoads(current, scenario, stageId), [scenario, stageId]);
  return <SimulationPanel design={design} reveal={reveal} baseLoads={baseLoads} />;
}
