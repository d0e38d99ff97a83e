import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Design } from "@/lib/model";
import { boundFindings } from "@/lib/rules";
import { runRules } from "@/lib/rules/run-rules";
import { SHAPES, type ShapeName } from "../helpers/design-shapes";
import { expectLinear, GROWTH_FACTOR, measureGrowth } from "../helpers/growth";

/** Issue 13's case: validating a chain of 8,000 services with retries must cost about 8 times a chain of 1,000, not 64. */
const SMALL = 1000;
const SHAPE_NAMES = Object.keys(SHAPES) as ShapeName[];

/** A shallow copy is a new document, so the graph and its memoised queries are built again on every run, as for a request. */
const validateAfresh = (design: Design) => runRules({ ...design });
const findingsBytes = (result: ReturnType<typeof runRules>) => JSON.stringify(result).length;

describe("validation grows linearly with the design", () => {
  it.each(SHAPE_NAMES)("%s of 1,000 and 8,000 components: time and findings grow like the design", (shape) => {
    const growth = measureGrowth(SHAPES[shape](SMALL), SHAPES[shape](SMALL * GROWTH_FACTOR), validateAfresh, findingsBytes);
    expectLinear(growth, shape);
  });

  it.each(SHAPE_NAMES)("%s of 1,000 to 8,000 components: each step doubling the design doubles the findings", (shape) => {
    const sizes = [1000, 2000, 4000, 8000].map((size) => findingsBytes(runRules(SHAPES[shape](size))));
    for (let step = 1; step < sizes.length; step += 1) {
      expect(sizes[step] / sizes[step - 1], `${shape} ${step}`).toBeGreaterThan(1.5);
      expect(sizes[step] / sizes[step - 1], `${shape} ${step}`).toBeLessThan(2.5);
    }
  });

  it("findings cost a bounded number of bytes per component, whatever the shape and size (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPE_NAMES), fc.integer({ min: 20, max: 1500 }), (shape, size) => {
        const design = SHAPES[shape](size);
        const bytes = findingsBytes(runRules(design));
        expect(bytes / (design.components.length + design.connections.length)).toBeLessThan(4000);
      }),
      { numRuns: 20 },
    );
  });

  it("a bounded response stays the same size however long the chain", () => {
    const [small, big] = [SMALL, SMALL * GROWTH_FACTOR].map((size) => JSON.stringify(boundFindings(runRules(SHAPES.chain(size)))).length);
    expect(big).toBeLessThan(small * 1.2);
  });
});
