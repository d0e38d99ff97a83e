"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { BadgeSeverity } from "@/components/nodes/FindingBadgeContext";
import type { JobRunner } from "@/components/workers/job-runner";
import { spawnValidateWorker } from "@/components/workers/spawn";
import { useJob, useJobRunner, type JobState } from "@/components/workers/use-job";
import type { Design } from "@/lib/model";
import { worstSeverityByTarget } from "./worst-severity";

const ValidationRunnerContext = createContext<JobRunner | null>(null);

/** One rules worker for an editor, shared by the canvas badges and the Findings tab, so rules run once per design. */
export function ValidationProvider({ children }: { children: ReactNode }) {
  const runner = useJobRunner(spawnValidateWorker);
  return <ValidationRunnerContext.Provider value={runner}>{children}</ValidationRunnerContext.Provider>;
}

/** Findings and scores of `design`, checked in the rules worker; the last answer stays while a newer one runs. */
export function useValidation(design: Design): JobState<"validate"> {
  const runner = useContext(ValidationRunnerContext);
  if (!runner) throw new Error("useValidation needs a ValidationProvider around the editor");
  return useJob(
    runner,
    "validate",
    useMemo(() => ({ design }), [design]),
  );
}

const NO_BADGES: ReadonlyMap<string, BadgeSeverity> = new Map();

/** Worst finding severity per item id, for the canvas; the previous badges stay until the new check is done. */
export function useFindingBadges(design: Design): ReadonlyMap<string, BadgeSeverity> {
  const { result } = useValidation(design);
  return useMemo(() => (result ? worstSeverityByTarget(result.findings) : NO_BADGES), [result]);
}
