/**
 * Server benchmark (issue 13): how much one heavy export slows everybody else down, now that it runs in a
 * worker thread. Starts a production server of its own (`next start` on 127.0.0.1:3130, build in .next-workers,
 * a fresh SQLite file under tmp/bench-server), then measures:
 *
 * - p50/p99 of `GET /api/designs/:id` (a small design) sent open-loop at 200 requests/s, once with nothing else
 *   running (the baseline) and once while a 1,000-component export runs; each a median over `--runs` runs;
 * - the time of one export, to its last byte, for 1,000 and 10,000 components (the server runs with raised job
 *   limits, ARCHWAY_JOB_TIMEOUT_MS=900000 and ARCHWAY_JOB_MEMORY_MB=4096, so that the 10,000-component export can
 *   finish at all; under the default limits it is refused, which the output says too).
 *
 *   npx tsx bench/server/run.ts [--runs 3] [--seconds 8] [--sizes 1000,9990] [--port 3130]
 *
 * Builds first (npm run build with NEXT_DIST_DIR=.next-workers) when that build is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEMPLATES } from "../../lib/templates";
import { median } from "../shared/baseline";
import { generateDesignDocument } from "../shared/generate-design";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "8" },
    sizes: { type: "string", default: "1000,9990" },
    port: { type: "string", default: "3130" },
  },
});
const RUNS = Math.max(1, Number(options.runs));
const SECONDS = Math.max(1, Number(options.seconds));
const SIZES = options.sizes.split(",").map(Number);
const RATE = 200;
const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = ".next-workers";
const BASE = `http://127.0.0.1:${options.port}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) =>
    spawn(command, args, { cwd: ROOT, env, stdio: "inherit" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)))),
  );
}

async function startServer(): Promise<ChildProcess> {
  const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };
  if (!existsSync(path.join(ROOT, DIST, "BUILD_ID"))) await run("npm", ["run", "build"], env);
  const dataDir = path.join(ROOT, "tmp/bench-server");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = spawn("npx", ["next", "start", "-p", options.port, "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: `file:./tmp/bench-server/archway.db`, ARCHWAY_JOB_TIMEOUT_MS: "900000", ARCHWAY_JOB_MEMORY_MB: "4096" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (await fetch(`${BASE}/api/designs`).then((response) => response.ok, () => false)) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The server did not start");
}

async function importDesign(document: unknown): Promise<string> {
  const response = await fetch(`${BASE}/api/designs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document }) });
  if (response.status !== 201) throw new Error(`Import answered ${response.status}: ${await response.text()}`);
  return (await response.json()).id;
}

/** Time to the last byte of an export; the status says whether it finished. */
async function exportDesign(id: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${BASE}/api/designs/${id}/export`);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, status: response.status, bytes };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Open loop: one request every 1/RATE s whatever the answers do, until `until` resolves or SECONDS pass. */
async function load(id: string, until?: Promise<unknown>): Promise<{ p50: number; p99: number; sent: number; failed: number }> {
  let stop = false;
  const timer = setTimeout(() => (stop = true), SECONDS * 1000);
  until?.then(() => (stop = true));
  const latencies: Promise<number | null>[] = [];
  const started = performance.now();
  for (let index = 0; !stop; index += 1) {
    const due = started + (index * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    latencies.push(
      fetch(`${BASE}/api/designs/${id}`).then(
        async (response) => {
          await response.arrayBuffer();
          return response.ok ? performance.now() - sent : null;
        },
        () => null,
      ),
    );
  }
  clearTimeout(timer);
  const answers = await Promise.all(latencies);
  const values = answers.filter((value): value is number => value !== null);
  return { p50: percentile(values, 0.5), p99: percentile(values, 0.99), sent: answers.length, failed: answers.length - values.length };
}

const format = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const server = await startServer();
try {
  const small = await importDesign(TEMPLATES.find((template) => template.id === "three-tier-web-app")!.design);
  const ids = new Map<number, string>();
  for (const size of SIZES) ids.set(size, await importDesign(generateDesignDocument(size)));
  const thousand = ids.get(SIZES[0])!;
  await load(small); // warm-up: compiled routes, database connection, a started worker thread
  await exportDesign(small);

  const quiet: Awaited<ReturnType<typeof load>>[] = [];
  const busy: Awaited<ReturnType<typeof load>>[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    quiet.push(await load(small));
    const exporting = exportDesign(thousand);
    busy.push(await load(small, exporting));
    const exported = await exporting;
    if (exported.status !== 200) throw new Error(`The export answered ${exported.status}`);
  }
  console.log(`GET /api/designs/:id at ${RATE} req/s, median of ${RUNS} runs (load average ${loadavg()[0].toFixed(1)})`);
  const failed = (runs: typeof quiet) => `${runs.reduce((sum, run) => sum + run.failed, 0)} of ${runs.reduce((sum, run) => sum + run.sent, 0)}`;
  console.log("| while | p50 | p99 | failed |\n|---|---:|---:|---:|");
  console.log(`| nothing else runs | ${format(median(quiet.map((run) => run.p50)))} | ${format(median(quiet.map((run) => run.p99)))} | ${failed(quiet)} |`);
  console.log(`| a ${SIZES[0].toLocaleString("en")}-component export runs | ${format(median(busy.map((run) => run.p50)))} | ${format(median(busy.map((run) => run.p99)))} | ${failed(busy)} |`);

  console.log("\n| components | export (to the last byte) | zip size |\n|---:|---:|---:|");
  for (const size of SIZES) {
    const result = await exportDesign(ids.get(size)!);
    console.log(`| ${size.toLocaleString("en")} | ${result.status === 200 ? format(result.ms) : `${result.status} after ${format(result.ms)}`} | ${(result.bytes / 1e6).toFixed(1)} MB |`);
  }
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
