"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { EMPTY_SIMULATION_OVERLAY, SimulationOverlayContext, type SimulationOverlay } from "@/components/nodes/SimulationOverlayContext";
import type { Design } from "@/lib/model";
import type { DetailedSimulationResult, EntryLoad, SimulationFailure } from "@/lib/simulation";

/** What the person set in the Simulate panel; kept while other tabs are open. */
export interface SimulationInputs {
  entryLoads: Record<string, Partial<EntryLoad>>;
  failures: SimulationFailure[];
  spike: boolean;
}

export interface SimulationRun {
  design: Design;
  inputs: SimulationInputs;
  result: DetailedSimulationResult;
}

/** The journey playback: which path, and the index of the component the request is at. */
export interface Playback {
  pathId: string;
  hop: number;
}

interface SimulationSession {
  inputs: SimulationInputs;
  setInputs: (update: (previous: SimulationInputs) => SimulationInputs) => void;
  run?: SimulationRun;
  setRun: (run: SimulationRun | undefined) => void;
  playback?: Playback;
  setPlayback: (playback: Playback | undefined) => void;
  /** Whether the Simulate panel is open; only then is the run kept in step with edits, so only then is it painted. */
  setPanelOpen: (open: boolean) => void;
}

const INITIAL_INPUTS: SimulationInputs = { entryLoads: {}, failures: [], spike: false };

const SimulationSessionContext = createContext<SimulationSession | null>(null);

export function useSimulationSession(): SimulationSession {
  const session = useContext(SimulationSessionContext);
  if (!session) throw new Error("useSimulationSession needs a SimulationProvider around the editor");
  return session;
}

/** The overlay nodes and edges read: utilisation of the last run, and the hop being played back. */
function overlayOf(run: SimulationRun | undefined, playback: Playback | undefined): SimulationOverlay {
  if (!run) return EMPTY_SIMULATION_OVERLAY;
  const components = new Map(Object.values(run.result.components).map((load) => [load.componentId, { utilisation: load.utilisation, status: load.status }]));
  const path = playback ? run.result.pathDetails.find((candidate) => candidate.id === playback.pathId) : undefined;
  if (!path || !playback) return { components };
  return {
    components,
    activeComponentId: path.componentIds[playback.hop],
    activeConnectionId: playback.hop > 0 ? path.hops[playback.hop - 1]?.connectionId : undefined,
  };
}

/** Holds the simulation session of one editor and paints its result on the canvas. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const [inputs, setInputs] = useState<SimulationInputs>(INITIAL_INPUTS);
  const [run, setRun] = useState<SimulationRun | undefined>();
  const [playback, setPlayback] = useState<Playback | undefined>();
  const [panelOpen, setPanelOpen] = useState(false);
  const session = useMemo<SimulationSession>(() => ({ inputs, setInputs, run, setRun, playback, setPlayback, setPanelOpen }), [inputs, run, playback]);
  const overlay = useMemo(() => (panelOpen ? overlayOf(run, playback) : EMPTY_SIMULATION_OVERLAY), [panelOpen, run, playback]);
  return (
    <SimulationSessionContext.Provider value={session}>
      <SimulationOverlayContext.Provider value={overlay}>{children}</SimulationOverlayContext.Provider>
    </SimulationSessionContext.Provider>
  );
}
