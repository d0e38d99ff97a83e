import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "./rate-limiter";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("token bucket limiter", () => {
  it("allows a burst of `capacity`, then refuses with the wait until the next token", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, now: time.now });
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(1_000);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0 });
  });

  it("refills at the configured rate, never above capacity", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 10, now: time.now });
    limiter.take("a");
    limiter.take("a");
    time.advance(60_000);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, false]);
  });

  it("counts each key on its own", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, now: time.now });
    expect(limiter.take("10.0.0.1").allowed).toBe(true);
    expect(limiter.take("10.0.0.1").allowed).toBe(false);
    expect(limiter.take("10.0.0.2").allowed).toBe(true);
  });

  it("keeps at most maxKeys buckets, dropping full ones before busy ones", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 3, now: time.now });
    limiter.take("busy");
    limiter.take("busy");
    for (let index = 0; index < 100; index += 1) {
      time.advance(5_000);
      limiter.take(`visitor-${index}`);
      limiter.take("busy");
      limiter.take("busy");
      expect(limiter.size).toBeLessThanOrEqual(3);
    }
    expect(limiter.take("busy").allowed).toBe(false);
  });

  it("refuses settings that would never allow a request", () => {
    expect(() => new TokenBucketLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow();
    expect(() => new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow();
  });
});
