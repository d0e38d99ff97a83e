"use client";

import { useEffect } from "react";
import type { AlignEdge, DistributeAxis } from "@/lib/designer/commands/align";
import { belongsElsewhere } from "./use-editor-shortcuts";

export interface PlacementActions {
  align: (edge: AlignEdge) => void;
  distribute: (axis: DistributeAxis) => void;
  zoomToSelection: () => void;
}

/** Figma's keys: Alt+A/H/D align left/centre/right, Alt+W/V/S top/middle/bottom, Alt+Shift+H/V distribute. */
const ALIGN_KEYS: Record<string, AlignEdge> = { KeyA: "left", KeyH: "center", KeyD: "right", KeyW: "top", KeyV: "middle", KeyS: "bottom" };
const DISTRIBUTE_KEYS: Record<string, DistributeAxis> = { KeyH: "horizontal", KeyV: "vertical" };

export const ALIGN_SHORTCUTS: Record<AlignEdge, string> = { left: "Alt+A", center: "Alt+H", right: "Alt+D", top: "Alt+W", middle: "Alt+V", bottom: "Alt+S" };
export const DISTRIBUTE_SHORTCUTS: Record<DistributeAxis, string> = { horizontal: "Alt+Shift+H", vertical: "Alt+Shift+V" };
export const ZOOM_TO_SELECTION_SHORTCUT = "Shift+2";

/**
 * Placement keys, matched on the physical key (event.code) because Alt and Shift change the character a key
 * types (Alt+A is "å" on a Mac keyboard, Shift+2 is "@" or '"' depending on the layout).
 */
export function usePlacementShortcuts(actions: PlacementActions) {
  const { align, distribute, zoomToSelection } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || belongsElsewhere(event.target)) return;
      if (event.altKey && event.shiftKey && DISTRIBUTE_KEYS[event.code]) {
        event.preventDefault();
        distribute(DISTRIBUTE_KEYS[event.code]);
      } else if (event.altKey && !event.shiftKey && ALIGN_KEYS[event.code]) {
        event.preventDefault();
        align(ALIGN_KEYS[event.code]);
      } else if (!event.altKey && event.shiftKey && event.code === "Digit2") {
        event.preventDefault();
        zoomToSelection();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [align, distribute, zoomToSelection]);
}
