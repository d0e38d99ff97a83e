import { expect } from "vitest";

/** The design is this many times larger in the big run than in the small one. */
export const GROWTH_FACTOR = 8;
/** Linear work may take up to this many times longer on the big design: three times the size ratio, for noise. */
export const MAX_TIME_RATIO = 3 * GROWTH_FACTOR;

/** Timed runs of each size, after one warm-up run each. */
const RUNS = 3;

export interface Growth {
  timeRatio: number;
  sizeRatio: number;
}

/**
 * How time and output size grow when the input grows GROWTH_FACTOR times: `work` on the small input against
 * the big one in the same run of the tests, so the figures are ratios, never absolute times. Runs of the two
 * sizes alternate, so both see the same load from other processes, and each size keeps its fastest run, the
 * one least disturbed. `sizeOf` measures the output, outside the timing.
 */
export function measureGrowth<T, R>(small: T, big: T, work: (input: T) => R, sizeOf: (output: R) => number): Growth {
  const smallSize = sizeOf(work(small));
  const bigSize = sizeOf(work(big));
  let smallMs = Infinity;
  let bigMs = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    let start = performance.now();
    work(small);
    smallMs = Math.min(smallMs, performance.now() - start);
    start = performance.now();
    work(big);
    bigMs = Math.min(bigMs, performance.now() - start);
  }
  return { timeRatio: bigMs / Math.max(smallMs, 1), sizeRatio: bigSize / smallSize };
}

/**
 * Linear growth: time at most MAX_TIME_RATIO times, and output growing like the input (within a factor of 1.5
 * either way), or, for results that are capped by design (`capped`), at most like the input.
 */
export function expectLinear(growth: Growth, label: string, { capped = false }: { capped?: boolean } = {}): void {
  if (!capped) expect(growth.sizeRatio, `${label}: output size ratio`).toBeGreaterThan(GROWTH_FACTOR / 1.5);
  expect(growth.sizeRatio, `${label}: output size ratio`).toBeLessThan(GROWTH_FACTOR * 1.5);
  expect(growth.timeRatio, `${label}: time ratio`).toBeLessThan(MAX_TIME_RATIO);
}
