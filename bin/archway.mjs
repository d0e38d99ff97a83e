#!/usr/bin/env node
// Runs the compiled CLI (.cli/archway.mjs, built at install and by `npm run build`) while it matches its sources.
// Otherwise, e.g. right after editing cli/ or lib/, it compiles the TypeScript on the fly through tsx, which costs
// one to two seconds per call, and says how to get the fast path back. The repo's own tsconfig is named explicitly
// so the "@/" import alias resolves whatever directory the command runs from.
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUNDLE_FILE, REBUILD_COMMAND, compiledCliIsCurrent } from "./compiled-cli.mjs";

async function loadCli() {
  if (compiledCliIsCurrent()) return import(pathToFileURL(BUNDLE_FILE).href);
  process.stderr.write(`archway: the compiled CLI is missing or older than cli/ and lib/, running from source (slower); rebuild with \`${REBUILD_COMMAND}\`\n`);
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
  return import("../cli/main.ts");
}

const { main, processIo } = await loadCli();
try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  // Commands report what they expect themselves; anything else still ends as one line, not a stack trace.
  process.stderr.write(`archway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
