import { expect } from "vitest";

/** The design is this many times larger in the big run than in the small one. */
export const GROWTH_FACTOR = 8;
/** Linear work may take up to this many times longer on the big design: three times the size ratio, for noise. */
export const MAX_TIME_RATIO = 3 * GROWTH_FACTOR;

/** The output of the fastest of `runs` runs of `work`, and its time in milliseconds: the run least disturbed by other processes. */
function fastest<T, R>(input: T, work: (input: T) => R, runs: number): { output: R; ms: number } {
  let output = work(input);
  let ms = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    output = work(input);
    ms = Math.min(ms, performance.now() - start);
  }
  return { output, ms };
}

export interface Growth {
  timeRatio: number;
  sizeRatio: number;
}

/**
 * How time and output size grow when the input grows GROWTH_FACTOR times: `work` on the small input against
 * the big one, each warmed up by a first run and then timed (the fastest of several runs), in the same run of
 * the tests, so the figures are ratios, never absolute times. `sizeOf` measures the output, outside the timing.
 */
export function measureGrowth<T, R>(small: T, big: T, work: (input: T) => R, sizeOf: (output: R) => number): Growth {
  const before = fastest(small, work, 5);
  const after = fastest(big, work, 2);
  return { timeRatio: after.ms / Math.max(before.ms, 1), sizeRatio: sizeOf(after.output) / sizeOf(before.output) };
}

/** Linear growth: output grows like the input (within a factor of 1.5 either way) and time at most MAX_TIME_RATIO times. */
export function expectLinear(growth: Growth, label: string): void {
  expect(growth.sizeRatio, `${label}: output size ratio`).toBeGreaterThan(GROWTH_FACTOR / 1.5);
  expect(growth.sizeRatio, `${label}: output size ratio`).toBeLessThan(GROWTH_FACTOR * 1.5);
  expect(growth.timeRatio, `${label}: time ratio`).toBeLessThan(MAX_TIME_RATIO);
}
