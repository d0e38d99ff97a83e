import { ImportError } from "../types";

/**
 * HashiCorp's own HCL parser, as @cdktf/hcl2json ships it (Go compiled to WebAssembly), called synchronously.
 * The package's `parse()` is asynchronous only because it loads the module lazily; once the module is
 * instantiated its Go function answers through the callback before it returns. Instantiating here, once and
 * synchronously, keeps the Importer contract synchronous. It needs Node (the module is read from the package
 * folder), so the Node built-ins are reached through process.getBuiltinModule and nothing is imported statically:
 * browser bundles that include lib/import stay free of Node modules, and reading `.tf` there says why it cannot.
 */

type ParseFunction = (file: string, text: string, callback: (error: string | null, result?: string) => void) => void;

let parser: ParseFunction | undefined;

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

function loadParser(): ParseFunction {
  if (parser) return parser;
  if (typeof process === "undefined" || typeof process.getBuiltinModule !== "function") {
    throw new ImportError("Terraform .tf files are read on the server; import `terraform show -json` output here instead", []);
  }
  const { createRequire } = process.getBuiltinModule("node:module");
  const { join, dirname } = process.getBuiltinModule("node:path");
  const { readFileSync } = process.getBuiltinModule("node:fs");
  const { gunzipSync } = process.getBuiltinModule("node:zlib");
  const requireFromHere = createRequire(import.meta.url);
  const root = dirname(requireFromHere.resolve("@cdktf/hcl2json/package.json"));
  requireFromHere(join(root, "wasm", "bridge_wasm_exec.js"));
  const globals = globalThis as unknown as { Go: new () => GoRuntime; __parse_terraform_config_wasm__?: Record<string, unknown> };
  const go = new globals.Go();
  const module = new WebAssembly.Module(gunzipSync(readFileSync(join(root, "main.wasm.gz"))));
  const exports: Record<string, unknown> = {};
  globals.__parse_terraform_config_wasm__ = exports;
  void go.run(new WebAssembly.Instance(module, go.importObject));
  if (typeof exports.parse !== "function") throw new Error("@cdktf/hcl2json did not register its parser");
  parser = exports.parse as ParseFunction;
  return parser;
}

/** hcl2json's JSON form of one `.tf` file (blocks as arrays, expressions as `${...}` strings); throws with HCL's own message. */
export function parseHcl(file: string, text: string): Record<string, unknown> {
  const parse = loadParser();
  let outcome: { error: string | null; result?: string } | undefined;
  parse(file, text, (error, result) => {
    outcome = { error, result };
  });
  if (!outcome) throw new Error("@cdktf/hcl2json answered asynchronously");
  if (outcome.error !== null || outcome.result === undefined) throw new SyntaxError(String(outcome.error));
  return JSON.parse(outcome.result) as Record<string, unknown>;
}
