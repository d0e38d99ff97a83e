import { relative, resolve } from "node:path";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import { issueLines, readDesignArgument } from "../read-design";
import { OutputRefused, writeOutputFile } from "../safe-write";
import type { CliCommand, CliIo } from "../types";

const DEFAULT_OUT = "repo.zip";

const USAGE = [
  "Usage: archway export FILE [--out ZIP]",
  "",
  "  FILE       A design document (JSON); - reads it from standard input.",
  `  --out ZIP  The zip to write, its folder created if missing (default: ${DEFAULT_OUT}); an existing file is replaced,`,
  "             a symbolic link, folder or special file (FIFO, device, /proc entry) is refused.",
  "",
  "Writes the design's starter repository: services, Terraform, Kubernetes (kustomize), docker-compose.yml,",
  "CI workflow, README and docs. The same design always gives a byte-identical zip.",
  "",
  "Exit status: 0 when the zip is written, 1 when writing fails part way (a full disk), 2 for bad options, an",
  "unreadable file, an invalid design, or an --out that cannot be used.",
].join("\n");

/** `--out value` and `--out=value`; anything else unexpected is an error. */
function parseOptions(args: string[]): { file: string; out: string } | string {
  const files: string[] = [];
  let out: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const match = /^--out(?:=(.*))?$/.exec(arg);
    if (match) {
      out = match[1] ?? args[(index += 1)];
      if (out === undefined || out.length === 0) return "--out needs a value";
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else files.push(arg);
  }
  if (files.length !== 1) return "give exactly one FILE (or - for standard input)";
  return { file: files[0], out: out ?? DEFAULT_OUT };
}

function fail(io: CliIo, message: string, withUsage = false): number {
  io.stderr(`archway export: ${message}\n${withUsage ? `\n${USAGE}\n` : ""}`);
  return 2;
}

export const exportCommand: CliCommand = {
  name: "export",
  summary: "Export a design as a zipped starter repository",
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === "string") return fail(io, options, true);
    const input = await readDesignArgument(io, options.file);
    if (input.kind === "failed") return fail(io, `${input.message}\n${issueLines(input.issues)}`);
    const files = starterRepoZipFiles(input.design, { archwayVersion: ARCHWAY_VERSION });
    const zip = toZip(files);
    const out = resolve(io.cwd, options.out);
    try {
      await writeOutputFile(out, zip);
    } catch (error) {
      io.stderr(`archway export: ${(error as Error).message}\n`);
      return error instanceof OutputRefused ? 2 : 1;
    }
    io.stdout(`Wrote ${files.length} files (${zip.byteLength} bytes) to ${relative(io.cwd, out)}\n`);
    return 0;
  },
};
