#!/usr/bin/env node
// The CLI is TypeScript sharing lib/ with the app; tsx loads it without a separate build step. The repo's own
// tsconfig is named explicitly so the "@/" import alias resolves whatever directory the command runs from.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main, processIo } = await import("../cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  // Commands report what they expect themselves; anything else still ends as one line, not a stack trace.
  process.stderr.write(`archway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
