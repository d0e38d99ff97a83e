// Bundles the job pool's worker entry (lib/server/job-worker.ts) into .workers/heavy-jobs.cjs. Piscina starts
// each worker thread from a file on disk, which neither `next build` (Turbopack bundles route handlers, not files
// a library loads by path) nor vitest produce, so `npm run build` and the vitest global setup run this first.
// The server resolves the file from its working directory (lib/server/job-pool.ts).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WORKER_FILE = path.join(ROOT, ".workers", "heavy-jobs.cjs");

export async function buildWorkers() {
  await build({
    entryPoints: [path.join(ROOT, "lib/server/job-worker.ts")],
    outfile: WORKER_FILE,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
    legalComments: "none",
  });
  return WORKER_FILE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await buildWorkers();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
