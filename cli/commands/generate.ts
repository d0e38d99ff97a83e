import { relative, resolve } from "node:path";
import { generate, generateAll, GENERATOR_TARGETS, isGeneratorTarget, UnknownTargetError, type GeneratedFile } from "@/lib/generators";
import { fileBytes } from "@/lib/generators/file-contents";
import { prepareNodeRasteriser } from "@/lib/server/picture-rasteriser";
import { issueLines, readDesignArgument } from "../read-design";
import { OutputRefused, writeFilesUnder } from "../safe-write";
import type { CliCommand, CliIo } from "../types";

const DEFAULT_OUT = "generated-output";

const USAGE = [
  `Usage: archway generate FILE [--target ${GENERATOR_TARGETS.join("|")}|all] [--out DIR]`,
  "",
  "  FILE             A design document (JSON); - reads it from standard input.",
  "  --target TARGET  What to generate (default: all). One target writes its files straight into DIR;",
  "                   all writes each code target into DIR/<target>/. svg and png draw the design as a",
  "                   picture, DIR/<design>.svg or DIR/<design>.png (twice the canvas's size).",
  `  --out DIR        Folder to write into, created if missing (default: ${DEFAULT_OUT}). Nothing is written outside it:`,
  "                   a symbolic link, special file or kernel file system (/proc, /sys) in the way is refused.",
  "",
  "Exit status: 0 when the files are written, 1 when writing fails part way (a full disk), 2 for bad options,",
  "an unreadable file, an invalid design, or an --out that cannot be used.",
].join("\n");

interface Options {
  file: string;
  target: string;
  out: string;
}

/** `--name value` and `--name=value`; anything else unexpected is an error. */
function parseOptions(args: string[]): Options | string {
  const files: string[] = [];
  const values: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const match = /^--(target|out)(?:=(.*))?$/.exec(arg);
    if (match) {
      const value = match[2] ?? args[(index += 1)];
      if (value === undefined || value.length === 0) return `--${match[1]} needs a value`;
      values[match[1]] = value;
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else files.push(arg);
  }
  if (files.length !== 1) return "give exactly one FILE (or - for standard input)";
  return { file: files[0], target: values.target ?? "all", out: values.out ?? DEFAULT_OUT };
}

function fail(io: CliIo, message: string, withUsage = false): number {
  io.stderr(`archway generate: ${message}\n${withUsage ? `\n${USAGE}\n` : ""}`);
  return 2;
}

export const generateCommand: CliCommand = {
  name: "generate",
  summary: "Generate Mermaid, Terraform, Kubernetes or TypeScript files, or an SVG or PNG picture, from a design",
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === "string") return fail(io, options, true);
    if (options.target !== "all" && !isGeneratorTarget(options.target)) {
      return fail(io, `unknown target "${options.target}"; choose one of ${[...GENERATOR_TARGETS, "all"].join(", ")}`);
    }
    const input = await readDesignArgument(io, options.file);
    if (input.kind === "failed") return fail(io, `${input.message}\n${issueLines(input.issues)}`);
    let files: GeneratedFile[];
    if (options.target === "png") await prepareNodeRasteriser(import.meta.url);
    try {
      files = options.target === "all" ? generateAll(input.design) : generate(input.design, options.target as (typeof GENERATOR_TARGETS)[number]);
    } catch (error) {
      if (error instanceof UnknownTargetError) return fail(io, error.message);
      throw error;
    }
    const out = resolve(io.cwd, options.out);
    try {
      await writeFilesUnder(out, files.map((file) => ({ path: file.path, contents: file.encoding === "base64" ? fileBytes(file) : file.contents })));
    } catch (error) {
      io.stderr(`archway generate: ${(error as Error).message}\n`);
      return error instanceof OutputRefused ? 2 : 1;
    }
    io.stdout(`Wrote ${files.length} file${files.length === 1 ? "" : "s"} to ${relative(io.cwd, out) || "."}\n`);
    return 0;
  },
};
