#!/usr/bin/env node
// The CLI is TypeScript sharing lib/ with the app; tsx loads it without a separate build step.
import { register } from "tsx/esm/api";

register();
const { main, processIo } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2), processIo());
