"use client";

import { createContext, useContext } from "react";
import type { DrillRun, PracticeEventInput, Scenario } from "@/lib/practice";
import type { PracticeSessionView } from "./practice-api";

export interface PracticeSessionContextValue {
  session: PracticeSessionView;
  scenario: Scenario;
  /** Sends one event; resolves with the drill run when the event was a drill. */
  send: (event: PracticeEventInput) => Promise<DrillRun | undefined>;
  busy: boolean;
  error: string | null;
}

export const PracticeSessionContext = createContext<PracticeSessionContextValue | null>(null);

export function usePracticeSession(): PracticeSessionContextValue {
  const value = useContext(PracticeSessionContext);
  if (!value) throw new Error("usePracticeSession needs a PracticeSessionContext provider");
  return value;
}
