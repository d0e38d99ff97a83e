"use client";

import { createContext, useContext } from "react";

/** Worst finding severity per item id; structurally the same as lib/rules' Severity. */
export type BadgeSeverity = "error" | "warning" | "info";

const EMPTY: ReadonlyMap<string, BadgeSeverity> = new Map();

/** Fed by the editor's owner (findings); nodes read their own badge from it, so node data stays model-only. */
export const FindingBadgeContext = createContext<ReadonlyMap<string, BadgeSeverity>>(EMPTY);

export function useFindingBadge(id: string): BadgeSeverity | undefined {
  return useContext(FindingBadgeContext).get(id);
}

export const SEVERITY_LABELS: Record<BadgeSeverity, string> = { error: "Error", warning: "Warning", info: "Note" };
