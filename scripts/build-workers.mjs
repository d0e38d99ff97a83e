// Bundles the job pool's worker entry (lib/server/job-worker.ts) into .workers/heavy-jobs.cjs. Piscina starts
// each worker thread from a file on disk, which neither `next build` (Turbopack bundles route handlers, not files
// a library loads by path) nor vitest produce, so `npm run build` and the vitest global setup run this first.
// The server resolves the file from its working directory (lib/server/job-pool.ts).
import path from "node:path";
import { ROOT, bundleForNode, isMainScript } from "./bundle-for-node.mjs";

export const WORKER_FILE = path.join(ROOT, ".workers", "heavy-jobs.cjs");

export async function buildWorkers() {
  await bundleForNode({ entry: "lib/server/job-worker.ts", outfile: WORKER_FILE, format: "cjs" });
  return WORKER_FILE;
}

if (isMainScript(import.meta.url)) {
  const file = await buildWorkers();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
