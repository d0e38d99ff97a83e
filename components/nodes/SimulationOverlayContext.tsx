"use client";

import { createContext, useContext } from "react";

/** Structurally the same as lib/simulation's ComponentStatus. */
export type OverlayStatus = "idle" | "ok" | "busy" | "overloaded" | "failed";

export interface ComponentOverlay {
  utilisation: number;
  status: OverlayStatus;
}

/** What the simulation paints on the canvas: utilisation per component, and the hop a journey playback is on. */
export interface SimulationOverlay {
  components: ReadonlyMap<string, ComponentOverlay>;
  activeComponentId?: string;
  activeConnectionId?: string;
}

export const EMPTY_SIMULATION_OVERLAY: SimulationOverlay = { components: new Map() };

/** Fed by the Simulate panel's provider; nodes and edges read their own entry, so node data stays model-only. */
export const SimulationOverlayContext = createContext<SimulationOverlay>(EMPTY_SIMULATION_OVERLAY);

export function useComponentOverlay(id: string): { load?: ComponentOverlay; active: boolean } {
  const overlay = useContext(SimulationOverlayContext);
  return { load: overlay.components.get(id), active: overlay.activeComponentId === id };
}

export function useConnectionPlaying(id: string): boolean {
  return useContext(SimulationOverlayContext).activeConnectionId === id;
}

/** Green at rest through amber to red at capacity: hue 130 → 0 as utilisation goes 0 → 1. */
export function utilisationColour(utilisation: number): string {
  const share = Math.min(1, Math.max(0, utilisation));
  return `hsl(${Math.round(130 * (1 - share))} 70% 42%)`;
}

/** Short text on the card, and the full sentence for assistive technology. */
export function overlayText(load: ComponentOverlay): { short: string; long: string } {
  if (load.status === "failed") return { short: "down", long: "Down in this simulation" };
  const percent = `${Math.round(load.utilisation * 100)} %`;
  return { short: percent, long: `${percent} of capacity, ${load.status}` };
}
