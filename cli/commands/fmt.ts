import { resolve } from "node:path";
import { canonicalDesignText } from "@/lib/model";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import { OutputRefused, writeOutputFile } from "../safe-write";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway fmt FILE... [--check]",
  "",
  "  FILE      Design documents (JSON) to rewrite in their canonical form; - formats standard input to standard output.",
  "  --check   Write nothing; list the files that are not in canonical form and exit 1 if there are any (for CI).",
  "",
  "The canonical form is the one the editor's Save file writes: defaults left out, keys in the schema's order, each",
  "component, connection and zone its own block, a final newline. Formatting never changes what a design means.",
  "Exit status: 0 when every file is (now) canonical, 1 with --check when one is not, 2 when a file cannot be read,",
  "is not a valid design, or cannot be written.",
].join("\n");

export const fmtCommand: CliCommand = {
  name: "fmt",
  summary: "Rewrite design files in their canonical form, so diffs in Git stay small",
  usage: USAGE,
  async run(args, io) {
    const check = args.includes("--check");
    const files = args.filter((arg) => arg !== "--check");
    const unexpected = files.find((arg) => arg.startsWith("-") && arg !== "-");
    if (files.length === 0 || unexpected || (files.includes("-") && files.length > 1)) {
      const reason = unexpected ? `unknown option "${unexpected}"` : files.length === 0 ? "give at least one FILE" : "- (standard input) cannot be mixed with files";
      io.stderr(`archway fmt: ${reason}\n\n${USAGE}\n`);
      return 2;
    }
    const unformatted: string[] = [];
    for (const file of files) {
      const input = await readDesignArgument(io, file);
      if (input.kind === "failed") return reportInvalidInput(io, "fmt", false, input.message, input.issues);
      const canonical = canonicalDesignText(input.design);
      if (file === "-") {
        if (check && canonical !== input.text) unformatted.push("standard input");
        else if (!check) io.stdout(canonical);
        continue;
      }
      if (canonical === input.text) continue;
      unformatted.push(file);
      if (check) continue;
      try {
        await writeOutputFile(resolve(io.cwd, file), canonical);
      } catch (error) {
        if (!(error instanceof OutputRefused)) throw error;
        io.stderr(`archway fmt: ${error.message}\n`);
        return 2;
      }
    }
    if (check) {
      for (const file of unformatted) io.stdout(`${file} is not in canonical form\n`);
      return unformatted.length > 0 ? 1 : 0;
    }
    for (const file of unformatted) io.stderr(`formatted ${file}\n`);
    return 0;
  },
};
