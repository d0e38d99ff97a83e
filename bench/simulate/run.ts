/**
 * Simulation benchmark: simulate() over generated designs of 100 and 1,000 components (about three connections
 * each), normal load and a drill (a failed cache plus a 10× spike, which also runs the undrilled baseline for the
 * explanations), against a baseline measured in the same run: parsing the document plus one breadth-first walk.
 *
 *   npx tsx bench/simulate/run.ts [--runs 7] [--sizes 100,1000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { simulate, type SimulationOptions } from "../../lib/simulation";
import { median, parseAndWalk, parseGenerated } from "../shared/baseline";
import { generateDesignDocument } from "../shared/generate-design";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "7" }, sizes: { type: "string", default: "100,1000" } } });
const RUNS = Math.max(5, Number(options.runs));
const SIZES = options.sizes.split(",").map(Number);

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const rows: string[][] = [];
for (const size of SIZES) {
  const document = JSON.parse(JSON.stringify(generateDesignDocument(size)));
  const design = parseGenerated(document);
  const cache = design.components.find((component) => component.kind === "cache");
  const drill: SimulationOptions = { failures: cache ? [{ type: "component", componentId: cache.id }] : [], loadMultiplier: 10 };
  for (let index = 0; index < 3; index += 1) {
    parseAndWalk(document);
    simulate({ ...design });
    simulate({ ...design }, drill);
  }
  const baseline: number[] = [];
  const normal: number[] = [];
  const drilled: number[] = [];
  let paths = 0;
  let availability = 0;
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(time(() => parseAndWalk(document)));
    // A fresh top-level object per run, so the graph memoised for the previous run is not reused.
    normal.push(time(() => (paths = simulate({ ...design }).paths.length)));
    drilled.push(time(() => (availability = simulate({ ...design }, drill).availability)));
  }
  rows.push([
    String(design.components.length),
    String(design.connections.length),
    String(paths),
    median(baseline).toFixed(2),
    median(normal).toFixed(2),
    median(drilled).toFixed(2),
    (median(normal) / median(baseline)).toFixed(2),
    (availability * 100).toFixed(1),
  ]);
}

const header = ["components", "connections", "paths", "baseline ms", "simulate ms", "drill ms", "simulate / baseline", "drill availability %"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
console.log(`Simulation benchmark: medians of ${RUNS} runs (Node ${process.version}); baseline = parseDesign + one BFS; drill = a failed cache and a 10× spike; load average ${loadavg()[0].toFixed(2)}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
