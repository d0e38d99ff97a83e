/**
 * The limits every heavy job runs under, read once from the environment (documented in the README):
 *
 * - ARCHWAY_JOB_TIMEOUT_MS (30000): how long one job may run before its worker is terminated (answer 503).
 * - ARCHWAY_JOB_MEMORY_MB (512): the worker's JavaScript heap; a job that needs more is stopped (answer 413).
 * - ARCHWAY_JOB_THREADS (2): worker threads, one per core of the machine this runs on by default.
 * - ARCHWAY_JOB_QUEUE (8): jobs that may wait for a thread; beyond that the request is refused (503, Retry-After).
 */
export interface JobLimits {
  timeoutMs: number;
  memoryMb: number;
  threads: number;
  queue: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { timeoutMs: 30_000, memoryMb: 512, threads: 2, queue: 8 };

const VARIABLES: Record<keyof JobLimits, { name: string; min: number }> = {
  timeoutMs: { name: "ARCHWAY_JOB_TIMEOUT_MS", min: 1 },
  memoryMb: { name: "ARCHWAY_JOB_MEMORY_MB", min: 16 },
  threads: { name: "ARCHWAY_JOB_THREADS", min: 1 },
  queue: { name: "ARCHWAY_JOB_QUEUE", min: 0 },
};

export class JobLimitConfigError extends Error {}

/** The limits from `env`, defaults for what is unset; a value that is not a whole number at or above its minimum is refused by name. */
export function jobLimitsFromEnv(env: Record<string, string | undefined> = process.env): JobLimits {
  const limits = { ...DEFAULT_JOB_LIMITS };
  for (const key of Object.keys(VARIABLES) as (keyof JobLimits)[]) {
    const { name, min } = VARIABLES[key];
    const text = env[name];
    if (text === undefined || text.trim() === "") continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) throw new JobLimitConfigError(`${name} must be a whole number of at least ${min}, not "${text}"`);
    limits[key] = value;
  }
  return limits;
}

/** "30 s", "1.5 s" or "200 ms": how a time limit is named in an error message. */
export function describeDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(3))} s` : `${ms} ms`;
}
