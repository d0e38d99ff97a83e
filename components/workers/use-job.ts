"use client";

import { useEffect, useState } from "react";
import { JobRunner, SupersededJobError } from "./job-runner";
import type { JobInput, JobKind, JobResult } from "./protocol";

export interface JobState<K extends JobKind> {
  /** A job for the latest input is still running (the last result, if any, stays on screen meanwhile). */
  running: boolean;
  /** The result of the latest job that finished, and the input it answers (older than the latest while running). */
  result?: JobResult<K>;
  input?: JobInput<K>;
  /** Why the latest job failed, in words for the panel. */
  error?: string;
}

/** A runner owned by one component: its worker starts on the first job and stops when the component goes. */
export function useJobRunner(spawn: () => Worker): JobRunner {
  const [runner] = useState(() => new JobRunner(spawn));
  useEffect(() => () => runner.dispose(), [runner]);
  return runner;
}

/**
 * The result of a job that follows `input`: each new input (compared by identity) starts a job on `runner`, and
 * the runner stops the one it replaces. Undefined input runs nothing and keeps the state as it is.
 */
export function useJob<K extends JobKind>(runner: JobRunner, kind: K, input: JobInput<K> | undefined): JobState<K> {
  const [state, setState] = useState<JobState<K>>({ running: false });
  useEffect(() => {
    if (!input) return;
    let current = true;
    setState((previous) => ({ ...previous, running: true, error: undefined }));
    runner.run(kind, input).then(
      (result) => current && setState({ running: false, result, input }),
      (error: unknown) => {
        if (!current || error instanceof SupersededJobError) return;
        setState({ running: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [runner, kind, input]);
  return state;
}
