import type { Connection } from "../model";

/** Attempts the caller may make per call: the first plus its retries (002 "Retry with Backoff"). */
export function maxAttempts(connection: Connection): number {
  return connection.retry.enabled ? 1 + connection.retry.maxRetries : 1;
}

/** Expected attempts per call when each attempt fails with probability `failure`: 1 + f + f² + … up to the limit. */
export function expectedAttempts(connection: Connection, failure: number): number {
  let attempts = 0;
  let reaching = 1;
  for (let attempt = 0; attempt < maxAttempts(connection); attempt += 1) {
    attempts += reaching;
    reaching *= failure;
  }
  return attempts;
}

/** Probability that a call succeeds within its attempts. */
export function callSuccess(connection: Connection, attemptSuccess: number): number {
  return 1 - Math.pow(1 - attemptSuccess, maxAttempts(connection));
}

/** Wait before retry number `retry` (0 for the first retry): none, fixed, or doubling up to the longest wait. */
export function backoffMs(connection: Connection, retry: number): number {
  const { backoff, baseDelayMs, maxDelayMs } = connection.retry;
  if (backoff === "none") return 0;
  if (backoff === "fixed") return baseDelayMs;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
}

/** Retries a call needs at quantile q (0.5, 0.95) when each attempt fails with probability `failure`, within the limit. */
export function retriesAtQuantile(connection: Connection, failure: number, q: number): number {
  const limit = maxAttempts(connection) - 1;
  let retries = 0;
  while (retries < limit && Math.pow(failure, retries + 1) > 1 - q) retries += 1;
  return retries;
}
