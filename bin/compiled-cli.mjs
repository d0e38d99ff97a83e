// Where the compiled command line lives and how to tell whether it still matches its sources. The build
// (scripts/build-cli.mjs) records the size and modification time of every source file esbuild read, plus
// tsconfig.json; bin/archway.mjs runs the bundle only while all of them are unchanged. Stat calls on a few hundred
// files cost a few milliseconds, far less than compiling them again.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE_FILE = path.join(ROOT, ".cli", "archway.mjs");
export const MANIFEST_FILE = path.join(ROOT, ".cli", "sources.json");
export const REBUILD_COMMAND = "npm run build:cli";

/** The recorded state of each source file, keyed by its path relative to the repo root. */
export function sourceStamps(relativePaths) {
  const stamps = {};
  for (const relativePath of relativePaths) {
    const stats = statSync(path.join(ROOT, relativePath));
    stamps[relativePath] = { size: stats.size, mtimeMs: stats.mtimeMs };
  }
  return stamps;
}

/** True when the bundle exists and no source it was built from has changed, moved or disappeared since. */
export function compiledCliIsCurrent() {
  let recorded;
  try {
    statSync(BUNDLE_FILE);
    recorded = JSON.parse(readFileSync(MANIFEST_FILE, "utf8")).sources;
  } catch {
    return false;
  }
  for (const [relativePath, stamp] of Object.entries(recorded)) {
    let stats;
    try {
      stats = statSync(path.join(ROOT, relativePath));
    } catch {
      return false;
    }
    if (stats.size !== stamp.size || stats.mtimeMs !== stamp.mtimeMs) return false;
  }
  return true;
}
