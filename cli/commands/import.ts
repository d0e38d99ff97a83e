import { resolve } from "node:path";
import { IMPORT_FORMATS, importFiles, ImportError, type ImportFormat } from "@/lib/import";
import { canonicalDesignText } from "@/lib/model";
import { readSources } from "../read-sources";
import { OutputRefused, writeOutputFile } from "../safe-write";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway import PATH... [--from terraform|kubernetes|compose|mermaid] [--name NAME] [--out design.json] [--json]",
  "",
  "  PATH          Files, folders or zips: Terraform (.tf, plan or state JSON), Kubernetes manifests, a Compose file",
  "                or a Mermaid flowchart. Folders are walked for the files importers read.",
  "  --from F      The format, when detection should not decide.",
  "  --name NAME   Name of the design (default: derived from the files).",
  "  --out FILE    Write the design there instead of standard output.",
  "  --json        Print { format, design, unmapped } as JSON, the same body as POST /api/import.",
  "",
  "Everything read but not mapped is listed on standard error with its file, line and reason.",
  "Exit status: 0 when a design was made, 2 when nothing could be read (with the reason).",
].join("\n");

interface Arguments {
  paths: string[];
  from?: ImportFormat;
  name?: string;
  out?: string;
  json: boolean;
}

function parseArguments(args: readonly string[]): Arguments | string {
  const parsed: Arguments = { paths: [], json: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = () => args[++index];
    if (arg === "--json") parsed.json = true;
    else if (arg === "--from") {
      const format = value();
      if (!(IMPORT_FORMATS as readonly string[]).includes(format ?? "")) return `--from takes one of ${IMPORT_FORMATS.join(", ")}`;
      parsed.from = format as ImportFormat;
    } else if (arg === "--name" || arg === "--out") {
      const text = value();
      if (text === undefined || text.length === 0) return `${arg} needs a value`;
      if (arg === "--name") parsed.name = text;
      else parsed.out = text;
    } else if (arg.startsWith("-")) return `unknown option "${arg}"`;
    else parsed.paths.push(arg);
  }
  return parsed.paths.length === 0 ? "give at least one PATH" : parsed;
}

export const importCommand: CliCommand = {
  name: "import",
  summary: "Read Terraform, Kubernetes, docker-compose or Mermaid into a design you can check and simulate",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
      io.stderr(`archway import: ${parsed}\n\n${USAGE}\n`);
      return 2;
    }
    try {
      const files = await readSources(io.cwd, parsed.paths);
      const result = importFiles(files, { from: parsed.from, name: parsed.name });
      const output = parsed.json ? `${JSON.stringify(result, null, 2)}\n` : canonicalDesignText(result.design);
      if (parsed.out) await writeOutputFile(resolve(io.cwd, parsed.out), output);
      else io.stdout(output);
      const { design, unmapped } = result;
      io.stderr(`Imported ${result.format}: ${design.components.length} components, ${design.connections.length} connections, ${design.zones.length} zones.\n`);
      if (unmapped.length > 0) {
        io.stderr(`Not mapped (${unmapped.length}):\n`);
        for (const item of unmapped) io.stderr(`  ${item.file}${item.line === undefined ? "" : `:${item.line}`}: ${item.item}: ${item.reason}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof ImportError) {
        if (parsed.json) io.stdout(`${JSON.stringify({ error: error.message, issues: error.problems }, null, 2)}\n`);
        else io.stderr(`archway import: ${error.message}\n${error.problems.map((problem) => `  ${problem.file}${problem.line === undefined ? "" : `:${problem.line}`}: ${problem.message}\n`).join("")}`);
        return 2;
      }
      if (error instanceof OutputRefused) {
        io.stderr(`archway import: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};
