/**
 * CLI start-up benchmark: `archway templates list` and `archway validate` on a one-cell design (21 components),
 * each a fresh process, through the compiled bundle (bin/archway.mjs as installed) and through the tsx path every
 * call took before the bundle (register tsx, import cli/main.ts). Baseline in the same run: `node -e 0`, the cost
 * of starting Node at all. Medians of 10 cold runs, interleaved so a burst of load hits every variant alike.
 *
 *   npx tsx bench/cli/run.ts [--runs 10]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { median } from "../shared/baseline";
import { generateDesignDocument } from "../shared/generate-design";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const RUNS = Math.max(5, Number(options.runs));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "archway.mjs");
// What bin/archway.mjs did on every call before the CLI was compiled.
const TSX_ENTRY = `
import { register } from "tsx/esm/api";
register({ tsconfig: ${JSON.stringify(join(ROOT, "tsconfig.json"))} });
const { main, processIo } = await import(${JSON.stringify(join(ROOT, "cli", "main.ts"))});
process.exitCode = await main(process.argv.slice(1), processIo());
`;

// Measure the bundle of the current sources (a stale one would send bin/archway.mjs down the tsx path).
const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs")], { stdio: "inherit" });
if (built.status !== 0) throw new Error("scripts/build-cli.mjs failed");

const directory = mkdtempSync(join(tmpdir(), "archway-bench-cli-"));
const designFile = join(directory, "design.json");
writeFileSync(designFile, JSON.stringify(generateDesignDocument(21)));

interface Variant {
  label: string;
  args: string[];
}
const commands: { name: string; argv: string[] }[] = [
  { name: "templates list", argv: ["templates", "list"] },
  { name: "validate (21 components)", argv: ["validate", designFile] },
];
const baseline: Variant = { label: "node -e 0", args: ["-e", "0"] };
const variants: Variant[] = [baseline];
for (const command of commands) {
  variants.push({ label: `compiled: ${command.name}`, args: [BIN, ...command.argv] });
  variants.push({ label: `tsx: ${command.name}`, args: ["--input-type=module", "-e", TSX_ENTRY, ...command.argv] });
}

function timeProcess(variant: Variant): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, variant.args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = performance.now() - start;
  // validate exits 1 when the design has error findings; anything else means the command did not run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${variant.label} failed: ${result.stderr}`);
  if (result.stderr.length && variant !== baseline && result.status === 0) throw new Error(`${variant.label} wrote to stderr: ${result.stderr}`);
  return elapsed;
}

const timings = new Map(variants.map((variant) => [variant, [] as number[]]));
for (const variant of variants) timeProcess(variant); // Fill the file system cache once; every measured run is still a new process.
for (let run = 0; run < RUNS; run += 1) for (const variant of variants) timings.get(variant)!.push(timeProcess(variant));
rmSync(directory, { recursive: true, force: true });

const baselineMs = median(timings.get(baseline)!);
const rows = variants.map((variant) => {
  const ms = median(timings.get(variant)!);
  return [variant.label, ms.toFixed(0), (ms / baselineMs).toFixed(1), (ms - baselineMs).toFixed(0)];
});
const header = ["variant", "median ms", "/ node -e 0", "over node -e 0 ms"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
console.log(`CLI start-up: medians of ${RUNS} cold runs (Node ${process.version}); load average ${loadavg()[0].toFixed(2)}`);
console.log(header.map((title, column) => title.padEnd(widths[column])).join("  "));
for (const row of rows) console.log(row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  "));
