import { describe, expect, it } from "vitest";
import type { Design } from "@/lib/model";
import { simulateDetailed } from "@/lib/simulation";
import { MAX_PATHS } from "@/lib/simulation/paths";
import { SHAPES, type ShapeName } from "../helpers/design-shapes";
import { expectLinear, GROWTH_FACTOR, measureGrowth } from "../helpers/growth";

const SHAPE_NAMES = Object.keys(SHAPES) as ShapeName[];
/**
 * From about 1,000 services on, a chain's summed latency passes its timeouts, so failures, retries and load
 * feed back and the fixed-point iteration runs to its cap of passes; both sizes are taken in that regime so
 * the ratio compares the same work per pass.
 */
const SMALL = 1000;

/** A shallow copy is a new document, so the graph is built again on every run. */
const simulateAfresh = (design: Design) => simulateDetailed({ ...design });

describe("the simulation grows linearly with the design", () => {
  it.each(SHAPE_NAMES)("a %s of 1,000 and 8,000 components: time and result grow at most like the design", (shape) => {
    const growth = measureGrowth(SHAPES[shape](SMALL), SHAPES[shape](SMALL * GROWTH_FACTOR), simulateAfresh, (result) => JSON.stringify(result).length);
    // Request paths are capped (MAX_PATHS), so the result of a star or a mesh grows slower than the design.
    expectLinear(growth, shape, { capped: true });
  });

  it("shows a bounded number of request paths, each bounded in length, even in a mesh with exponentially many", () => {
    const result = simulateDetailed(SHAPES.dense(8000));
    expect(result.paths.length).toBeLessThanOrEqual(MAX_PATHS);
    expect(Math.max(...result.paths.map((path) => path.componentIds.length))).toBeLessThanOrEqual(65);
  });
});
