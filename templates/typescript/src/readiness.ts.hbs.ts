/** Template of src/readiness.ts: readiness checks of every dependency, each bounded in time. */
export default String.raw`export interface DependencyCheck {
  /** "database", "cache", "queue:<id>" or "downstream:<id>". */
  name: string;
  check(signal: AbortSignal): Promise<void>;
}

export interface CheckResult {
  status: "up" | "down";
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** A probe that hangs counts as down long before the orchestrator's own probe timeout. */
export const CHECK_TIMEOUT_MS = 2000;

async function run(check: DependencyCheck, timeoutMs: number): Promise<CheckResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = new Promise<never>((_, reject) => {
    signal.addEventListener("abort", () => reject(new Error("No answer within " + timeoutMs + " ms")), { once: true });
  });
  try {
    await Promise.race([check.check(signal), timedOut]);
    return { status: "up" };
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every check at once; ready only when all are up (seed 002 "Health Checks"). */
export async function checkReadiness(checks: readonly DependencyCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (check) => [check.name, await run(check, timeoutMs)] as const));
  return { ready: results.every(([, result]) => result.status === "up"), checks: Object.fromEntries(results) };
}
`;
