/** Template of test/resilience.test.ts: backoff math and the timeout, retry and breaker policy. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BrokenCircuitError, TaskCancelledError } from "cockatiel";
import type { CircuitBreakerSettings, RetrySettings } from "../src/design.js";
import { BREAKER_MINIMUM_CALLS, MAX_JITTER_MS, backoffDelayMs, breakerThreshold, createCallPolicy } from "../src/resilience.js";

const exponential: RetrySettings = { enabled: true, maxRetries: 4, backoff: "exponential", baseDelayMs: 1000, maxDelayMs: 8000, jitter: false };
const noBreaker: CircuitBreakerSettings = { enabled: false, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 };

class Flaky extends Error {}
const isFlaky = (error: Error) => error instanceof Flaky;

describe("backoffDelayMs", () => {
  it("doubles from the base delay: 1 s, 2 s, 4 s, 8 s (seed 002 \"Retry with Backoff\")", () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffDelayMs(exponential, attempt)), [1000, 2000, 4000, 8000]);
  });

  it("never waits longer than the maximum delay", () => {
    assert.equal(backoffDelayMs(exponential, 10), 8000);
    assert.equal(backoffDelayMs({ ...exponential, jitter: true }, 10, () => 0.999), 8000);
  });

  it("waits the base delay every time when fixed, and not at all when none", () => {
    assert.equal(backoffDelayMs({ ...exponential, backoff: "fixed" }, 3), 1000);
    assert.equal(backoffDelayMs({ ...exponential, backoff: "none", jitter: true }, 3, () => 0.5), 0);
  });

  it("adds jitter between zero and min(base, 1 s)", () => {
    const jittered = { ...exponential, jitter: true, maxDelayMs: 60_000 };
    assert.equal(backoffDelayMs(jittered, 2, () => 0), 2000);
    assert.equal(backoffDelayMs(jittered, 2, () => 0.999), 2000 + Math.floor(0.999 * MAX_JITTER_MS));
    assert.equal(backoffDelayMs({ ...jittered, baseDelayMs: 100 }, 1, () => 0.5), 150);
  });
});

describe("breakerThreshold", () => {
  it("turns a percentage into the open interval cockatiel accepts", () => {
    assert.equal(breakerThreshold({ ...noBreaker, failureThresholdPercent: 50 }), 0.5);
    assert.equal(breakerThreshold({ ...noBreaker, failureThresholdPercent: 100 }), 0.99);
  });
});

describe("createCallPolicy", () => {
  const fastRetry: RetrySettings = { ...exponential, maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 };

  it("retries failures up to maxRetries and then succeeds", async () => {
    let calls = 0;
    const policy = createCallPolicy({ timeoutMs: 5000, retry: fastRetry, circuitBreaker: noBreaker }, isFlaky);
    const result = await policy.execute(async () => {
      calls += 1;
      if (calls < 3) throw new Flaky("try again");
      return "ok";
    });
    assert.equal(result, "ok");
    assert.equal(calls, 3);
  });

  it("gives up after maxRetries and does not retry other errors", async () => {
    let calls = 0;
    const policy = createCallPolicy({ timeoutMs: 5000, retry: fastRetry, circuitBreaker: noBreaker }, isFlaky);
    await assert.rejects(
      policy.execute(async () => {
        calls += 1;
        throw new Flaky("down");
      }),
      Flaky,
    );
    assert.equal(calls, 3);
    calls = 0;
    await assert.rejects(
      policy.execute(async () => {
        calls += 1;
        throw new RangeError("a bug");
      }),
      RangeError,
    );
    assert.equal(calls, 1);
  });

  it("does not retry when retries are disabled", async () => {
    let calls = 0;
    const policy = createCallPolicy({ timeoutMs: 5000, retry: { ...fastRetry, enabled: false }, circuitBreaker: noBreaker }, isFlaky);
    await assert.rejects(
      policy.execute(async () => {
        calls += 1;
        throw new Flaky("down");
      }),
    );
    assert.equal(calls, 1);
  });

  it("opens the circuit after enough failures and then fails fast", async () => {
    const breaker: CircuitBreakerSettings = { enabled: true, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 1 };
    const policy = createCallPolicy({ timeoutMs: 5000, retry: { ...fastRetry, enabled: false }, circuitBreaker: breaker }, isFlaky);
    for (let call = 0; call < BREAKER_MINIMUM_CALLS; call += 1) {
      await assert.rejects(policy.execute(async () => Promise.reject(new Flaky("down"))), Flaky);
    }
    let reached = false;
    await assert.rejects(
      policy.execute(async () => {
        reached = true;
      }),
      BrokenCircuitError,
    );
    assert.equal(reached, false);
  });

  it("stops waiting when the timeout runs out and aborts the call", async () => {
    const policy = createCallPolicy({ timeoutMs: 20, retry: fastRetry, circuitBreaker: noBreaker }, isFlaky);
    let aborted = false;
    await assert.rejects(
      policy.execute(
        ({ signal }: { signal: AbortSignal }) =>
          new Promise((_, reject) => {
            signal.addEventListener("abort", () => {
              aborted = true;
              reject(new Error("aborted"));
            });
          }),
      ),
      TaskCancelledError,
    );
    assert.equal(aborted, true);
  });
});
`;
