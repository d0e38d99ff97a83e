// One esbuild configuration for every part of Archway that runs as a plain Node file outside Next.js: the job
// pool's worker (scripts/build-workers.mjs) and the command line (scripts/build-cli.mjs). Both resolve the "@/"
// alias through the repo's tsconfig and bundle their npm dependencies, so the output runs without tsx.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Bundles ENTRY (relative to the repo root) into OUTFILE as FORMAT ("cjs" or "esm") and returns esbuild's
 * metafile, whose `inputs` name every source file the bundle was built from.
 */
export async function bundleForNode({ entry, outfile, format, banner }) {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format,
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // Package aliases resolve from here, wherever the build was started.
    absWorkingDir: ROOT,
    logLevel: "warning",
    legalComments: "none",
    metafile: true,
    // jsonc-parser's "main" is a UMD build that requires its modules at run time, which a bundle cannot follow;
    // its ES module build is the same code.
    alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
    // A CommonJS bundle has no import.meta; modules that locate files from it get the bundle's own URL.
    ...(format === "cjs" ? { define: { "import.meta.url": "__bundleUrl" } } : {}),
    ...(banner || format === "cjs" ? { banner: { js: [format === "cjs" ? 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' : "", banner ?? ""].join("\n") } } : {}),
  });
  return result.metafile;
}

/** True when this module file is the script node was started with, i.e. run directly rather than imported. */
export function isMainScript(moduleUrl) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}
