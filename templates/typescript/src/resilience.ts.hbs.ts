/** Template of src/resilience.ts: the design's timeout, retry and circuit breaker as one cockatiel policy. */
export default String.raw`import {
  CountBreaker,
  DelegateBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  noop,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from "cockatiel";
import type { CircuitBreakerSettings, RetrySettings } from "./design.js";

/** Most random time added to a wait: seed 002 "Retry with Backoff" adds random(0, 1s). */
export const MAX_JITTER_MS = 1000;

/** Calls the breaker remembers, and how many it needs before it may open. */
export const BREAKER_WINDOW_CALLS = 20;
export const BREAKER_MINIMUM_CALLS = 10;

/**
 * Wait before retry number "attempt" (1 for the first retry). Exponential doubles from the base
 * (1 s, 2 s, 4 s, 8 s in seed 002) and never exceeds maxDelayMs; jitter adds up to min(base, 1 s) at random.
 */
export function backoffDelayMs(settings: RetrySettings, attempt: number, random: () => number = Math.random): number {
  if (settings.backoff === "none") return 0;
  const planned = settings.backoff === "fixed" ? settings.baseDelayMs : settings.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const jitter = settings.jitter ? Math.floor(random() * Math.min(settings.baseDelayMs, MAX_JITTER_MS)) : 0;
  return Math.min(planned + jitter, settings.maxDelayMs);
}

/** cockatiel's breaker opens when more than this share of recent calls failed; it needs a value strictly between 0 and 1. */
export function breakerThreshold(settings: CircuitBreakerSettings): number {
  return Math.min(0.99, Math.max(0.01, settings.failureThresholdPercent / 100));
}

export interface CallSettings {
  timeoutMs: number;
  retry: RetrySettings;
  circuitBreaker: CircuitBreakerSettings;
}

/**
 * timeout(total budget) -> retry -> circuit breaker -> call. The timeout is the connection's whole budget,
 * so retries never make a caller wait longer than the design says; an open breaker fails at once and is
 * not retried. Only failures for which isFailure returns true are retried and counted by the breaker.
 */
export function createCallPolicy(settings: CallSettings, isFailure: (error: Error) => boolean): IPolicy {
  const retries =
    settings.retry.enabled && settings.retry.maxRetries > 0
      ? retry(handleWhen(isFailure), {
          maxAttempts: settings.retry.maxRetries,
          backoff: new DelegateBackoff((context: { attempt: number }) => backoffDelayMs(settings.retry, context.attempt)),
        })
      : noop;
  const breaker = settings.circuitBreaker.enabled
    ? circuitBreaker(handleWhen(isFailure), {
        halfOpenAfter: settings.circuitBreaker.openSeconds * 1000,
        breaker: new CountBreaker({
          threshold: breakerThreshold(settings.circuitBreaker),
          size: BREAKER_WINDOW_CALLS,
          minimumNumberOfCalls: BREAKER_MINIMUM_CALLS,
        }),
      })
    : noop;
  return wrap(timeout(settings.timeoutMs, TimeoutStrategy.Aggressive), retries, breaker);
}
`;
