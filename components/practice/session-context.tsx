"use client";

import { createContext, useContext } from "react";
import type { PracticeEventInput, Scenario } from "@/lib/practice";
import type { PracticeSessionView } from "./practice-api";

export interface PracticeSessionContextValue {
  session: PracticeSessionView;
  scenario: Scenario;
  /** Sends one event; resolves to whether it was recorded (a refusal is shown through `error`). */
  send: (event: PracticeEventInput) => Promise<boolean>;
  busy: boolean;
  error: string | null;
}

export const PracticeSessionContext = createContext<PracticeSessionContextValue | null>(null);

export function usePracticeSession(): PracticeSessionContextValue {
  const value = useContext(PracticeSessionContext);
  if (!value) throw new Error("usePracticeSession needs a PracticeSessionContext provider");
  return value;
}
