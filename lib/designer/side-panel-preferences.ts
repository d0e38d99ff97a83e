/*
 * Width of the editor's side panel (Inspector, Findings, Outputs), kept in this browser like the canvas
 * preferences: UI state, never part of the design. Missing, full or junk storage reads as the default width.
 */
const SIDE_WIDTH_KEY = "archway:side-panel-width";

export const SIDE_PANEL_WIDTH = { default: 340, min: 280, max: 960 } as const;

/** A width the layout can honour: within bounds, whole pixels; anything that is not a number is the default. */
export function clampSideWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDE_PANEL_WIDTH.default;
  return Math.round(Math.min(SIDE_PANEL_WIDTH.max, Math.max(SIDE_PANEL_WIDTH.min, width)));
}

export function readSideWidth(storage: Storage | undefined): number {
  try {
    const text = storage?.getItem(SIDE_WIDTH_KEY);
    return text ? clampSideWidth(Number(text)) : SIDE_PANEL_WIDTH.default;
  } catch {
    return SIDE_PANEL_WIDTH.default;
  }
}

export function writeSideWidth(storage: Storage | undefined, width: number): void {
  try {
    storage?.setItem(SIDE_WIDTH_KEY, String(clampSideWidth(width)));
  } catch {
    // Full or blocked storage: the width is simply not remembered.
  }
}
