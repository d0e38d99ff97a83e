/**
 * Validation benchmark: runRules over generated designs of 100, 1,000 and 5,000 components (about three
 * connections each), against a baseline measured in the same run: parsing the document plus one
 * breadth-first walk over its connections.
 *
 *   npx tsx bench/validate/run.ts [--runs 7] [--sizes 100,1000,5000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { runRules } from "../../lib/rules/run-rules";
import { median, parseAndWalk, parseGenerated } from "../shared/baseline";
import { generateDesignDocument } from "../shared/generate-design";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "7" }, sizes: { type: "string", default: "100,1000,5000" } } });
const RUNS = Math.max(5, Number(options.runs));
const SIZES = options.sizes.split(",").map(Number);

interface Timing {
  wallMs: number;
  /** Processor time of this process: close to the wall time of an idle machine when other work competes for the cores. */
  cpuMs: number;
}

function time(action: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  action();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const rows: string[][] = [];
for (const size of SIZES) {
  const document = JSON.parse(JSON.stringify(generateDesignDocument(size)));
  const design = parseGenerated(document);
  // Warm up the JIT on this size before measuring.
  for (let index = 0; index < 3; index += 1) {
    parseAndWalk(document);
    runRules({ ...design });
  }
  const baseline: Timing[] = [];
  const validation: Timing[] = [];
  const endToEnd: Timing[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(time(() => parseAndWalk(document)));
    // A fresh top-level object per run, so the graph memoised for the previous run is not reused.
    validation.push(time(() => (findings = runRules({ ...design }).findings.length)));
    endToEnd.push(time(() => runRules(parseGenerated(document))));
  }
  const wall = (timings: Timing[]) => median(timings.map((timing) => timing.wallMs));
  const cpu = (timings: Timing[]) => median(timings.map((timing) => timing.cpuMs));
  rows.push([
    String(design.components.length),
    String(design.connections.length),
    String(findings),
    wall(baseline).toFixed(2),
    wall(validation).toFixed(2),
    wall(endToEnd).toFixed(2),
    (wall(validation) / wall(baseline)).toFixed(2),
    cpu(baseline).toFixed(2),
    cpu(validation).toFixed(2),
    Math.min(...validation.map((timing) => timing.wallMs)).toFixed(2),
  ]);
}

const header = [
  "components",
  "connections",
  "findings",
  "baseline ms",
  "runRules ms",
  "parse+runRules ms",
  "runRules / baseline",
  "baseline cpu ms",
  "runRules cpu ms",
  "runRules best ms",
];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
console.log(`Validation benchmark: medians of ${RUNS} runs (Node ${process.version}); baseline = parseDesign + one BFS; load average ${loadavg()[0].toFixed(2)}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const perComponent = rows.map((row) => Number(row[4]) / Number(row[0]));
console.log(`runRules per component: ${perComponent.map((value) => `${(value * 1000).toFixed(2)} µs`).join(", ")} (flat = linear growth)`);
