import { execFileSync } from "node:child_process";

/**
 * Vitest global setup: route handlers run their heavy work in the job pool, whose worker threads load the bundle
 * scripts/build-workers.mjs writes, and the CLI tests run bin/archway.mjs, which runs the bundle
 * scripts/build-cli.mjs writes. Both are built once per run, so tests always exercise the current lib/ code.
 */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build-workers.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
}
