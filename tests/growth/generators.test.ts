import { describe, expect, it } from "vitest";
import { CODE_TARGETS, generate, type GeneratedFile } from "@/lib/generators";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { toZip } from "@/lib/generators/to-zip";
import type { Design } from "@/lib/model";
import { forwarderChainDesign, SHAPES, type ShapeName } from "../helpers/design-shapes";
import { expectLinear, GROWTH_FACTOR, measureGrowth } from "../helpers/growth";

const SHAPE_NAMES = Object.keys(SHAPES) as ShapeName[];
/** The PNG is left out: its pixels grow with the drawing's area, which is what a picture is for. */
const GROWTH_TARGETS = [...CODE_TARGETS, "svg"] as const;
/**
 * The smaller design per target: the files per component make 100 components enough to show the trend,
 * while Mermaid is so quick that it needs 1,000 for the timings to rise above noise.
 */
const SMALL: Record<(typeof GROWTH_TARGETS)[number], number> = { mermaid: 1000, terraform: 100, kubernetes: 100, typescript: 100, svg: 500 };
/** The starter repository holds every target plus a workspace per service: smaller still. */
const SMALL_EXPORT = 20;

const bytes = (files: readonly GeneratedFile[]) => files.reduce((total, file) => total + file.contents.length, 0);
/** A shallow copy is a new document, so nothing memoised on the design is reused between runs. */
const afresh = (design: Design): Design => ({ ...design });

describe("generated files grow linearly with the design", () => {
  const cases = GROWTH_TARGETS.flatMap((target) => SHAPE_NAMES.map((shape) => [target, shape] as const));
  it.each(cases)("%s for a %s, at 8 times the size", (target, shape) => {
    const growth = measureGrowth(SHAPES[shape](SMALL[target]), SHAPES[shape](SMALL[target] * GROWTH_FACTOR), (design) => generate(afresh(design), target), bytes);
    expectLinear(growth, `${target} ${shape}`);
  });

  it.each(SHAPE_NAMES)("the starter repository of a %s of 20 and 160 components", (shape) => {
    const options = { archwayVersion: "0.0.0-test" };
    const growth = measureGrowth(SHAPES[shape](SMALL_EXPORT), SHAPES[shape](SMALL_EXPORT * GROWTH_FACTOR), (design) => starterRepoFiles(afresh(design), options), bytes);
    expectLinear(growth, `starter repository ${shape}`);
  });

  it.each(SHAPE_NAMES)("the zip of the starter repository of a %s of 20 and 160 components", (shape) => {
    const options = { archwayVersion: "0.0.0-test" };
    const [small, big] = [SMALL_EXPORT, SMALL_EXPORT * GROWTH_FACTOR].map((size) => starterRepoFiles(SHAPES[shape](size), options));
    const growth = measureGrowth(small, big, toZip, (zip) => zip.byteLength);
    expectLinear(growth, `zip ${shape}`);
  });

  const forwarders = GROWTH_TARGETS.flatMap((target) => (["load-balancer", "rate-limiter"] as const).map((kind) => [target, kind] as const));
  it.each(forwarders)("%s looks through 4,000 of %s in a row without overflowing the stack", (target, kind) => {
    const files = generate(forwarderChainDesign(4000, kind), target);
    expect(files.length).toBeGreaterThan(0);
  });
});
