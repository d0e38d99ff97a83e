import { diffDesigns } from "@/lib/review/diff";
import { diffAsMarkdown, diffAsText } from "@/lib/review/format-diff";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway diff OLD NEW [--json | --markdown] [--spike N]",
  "",
  "  OLD, NEW     Design documents (JSON); one of them may be - for standard input.",
  "  --json       Print the diff as JSON, the same body as GET /api/designs/:id/versions/:a/diff/:b.",
  "  --markdown   Print Markdown, e.g. for a pull-request comment.",
  "  --spike N    Compare the simulation at N times each entry's configured load (default 1).",
  "",
  "Prints components, connections and zones added, removed, renamed and changed (each setting old → new), the",
  "findings that appear and disappear, and the simulation's availability, latency and utilisation at the same load.",
  "Exit status: 0 when the diff is printed, 2 when an input cannot be read or is not a valid design.",
].join("\n");

interface Arguments {
  files: string[];
  format: "text" | "json" | "markdown";
  spike: number;
}

function parseArguments(args: readonly string[]): Arguments | string {
  const parsed: Arguments = { files: [], format: "text", spike: 1 };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--json" || arg === "--markdown") {
      if (parsed.format !== "text") return "choose one of --json and --markdown";
      parsed.format = arg === "--json" ? "json" : "markdown";
    } else if (arg === "--spike") {
      index += 1;
      const spike = Number(args[index]);
      if (args[index] === undefined || !Number.isFinite(spike) || spike < 0) return "--spike needs a number of 0 or more";
      parsed.spike = spike;
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else parsed.files.push(arg);
  }
  if (parsed.files.length !== 2) return "give two design files, OLD and NEW";
  if (parsed.files.every((file) => file === "-")) return "only one of OLD and NEW can be standard input";
  return parsed;
}

export const diffCommand: CliCommand = {
  name: "diff",
  summary: "Say what changed between two designs: items, settings, findings and simulated load",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
      io.stderr(`archway diff: ${parsed}\n\n${USAGE}\n`);
      return 2;
    }
    const [before, after] = [await readDesignArgument(io, parsed.files[0]), await readDesignArgument(io, parsed.files[1])];
    if (before.kind === "failed") return reportInvalidInput(io, "diff", parsed.format === "json", before.message, before.issues);
    if (after.kind === "failed") return reportInvalidInput(io, "diff", parsed.format === "json", after.message, after.issues);
    const diff = diffDesigns(before.design, after.design, { loadMultiplier: parsed.spike });
    if (parsed.format === "json") io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
    else io.stdout(parsed.format === "markdown" ? diffAsMarkdown(diff) : diffAsText(diff));
    return 0;
  },
};
