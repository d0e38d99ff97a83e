import { execFileSync } from "node:child_process";

/**
 * Vitest global setup: route handlers run their heavy work in the job pool, whose worker threads load the bundle
 * scripts/build-workers.mjs writes. Built once per run, so tests always exercise the current lib/ code.
 */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build-workers.mjs"], { stdio: "inherit" });
}
