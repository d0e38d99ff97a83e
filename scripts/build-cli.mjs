// Compiles the command line (cli/main.ts and the lib/ code it imports) into .cli/archway.mjs, so `archway` starts
// in plain Node instead of compiling TypeScript through tsx at every call. Runs at install (postinstall), in
// `npm run build` and in the vitest global setup; bin/archway.mjs falls back to tsx while the bundle is missing or
// older than its sources (bin/compiled-cli.mjs).
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUNDLE_FILE, MANIFEST_FILE, ROOT, sourceStamps } from "../bin/compiled-cli.mjs";
import { bundleForNode, isMainScript } from "./bundle-for-node.mjs";

// The bundle is an ES module, but some bundled dependencies are CommonJS that call require() for Node built-ins.
const REQUIRE_SHIM = 'import { createRequire as __archwayCreateRequire } from "node:module"; const require = __archwayCreateRequire(import.meta.url);';

/** Our own source files in esbuild's inputs (npm packages change only through an install, which rebuilds). */
function ownSources(metafile) {
  // esbuild names inputs relative to its working directory, the repository (bundleForNode's absWorkingDir).
  const inputs = Object.keys(metafile.inputs).filter((input) => !input.split("/").includes("node_modules"));
  return [...inputs.map((input) => path.relative(ROOT, path.resolve(ROOT, input))), "tsconfig.json"];
}

export async function buildCli() {
  // The manifest goes first, so an interrupted build leaves no manifest and bin/archway.mjs keeps using tsx.
  rmSync(MANIFEST_FILE, { force: true });
  // A source saved while esbuild was reading would carry a newer time than the bundle's content: build again, at most
  // twice, since a file dated in the future (clock skew, an unpacked archive) always looks newer.
  for (let attempt = 0; ; attempt += 1) {
    const startedAt = Date.now();
    const metafile = await bundleForNode({ entry: "cli/main.ts", outfile: BUNDLE_FILE, format: "esm", banner: REQUIRE_SHIM });
    const sources = sourceStamps(ownSources(metafile));
    if (attempt < 2 && Object.values(sources).some((stamp) => stamp.mtimeMs >= startedAt)) continue;
    writeFileSync(MANIFEST_FILE, `${JSON.stringify({ sources }, null, 1)}\n`);
    return BUNDLE_FILE;
  }
}

if (isMainScript(import.meta.url)) {
  const file = await buildCli();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
