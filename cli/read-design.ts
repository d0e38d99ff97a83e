import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseDesignJson, type Design, type DesignIssue } from "@/lib/model";
import type { CliIo } from "./types";

/** A design named on the command line: read, migrated and parsed, or why not (with every failing path). */
export type DesignArgument = { kind: "ok"; design: Design } | { kind: "failed"; message: string; issues: DesignIssue[] };

/** Reads FILE, or standard input for "-", as a design document; every command takes its design this way. */
export async function readDesignArgument(io: CliIo, file: string): Promise<DesignArgument> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    return { kind: "failed", message: `cannot read ${file}`, issues: [{ path: "", message: (error as Error).message }] };
  }
  const parsed = parseDesignJson(text);
  if (!parsed.success) return { kind: "failed", message: `${file === "-" ? "standard input" : file} is not a valid design`, issues: parsed.issues };
  return { kind: "ok", design: parsed.design };
}

/** The issues as indented lines under a failure message, for commands that report in plain text. */
export function issueLines(issues: readonly DesignIssue[]): string {
  return issues.map((issue) => `  ${issue.path || "(document)"}: ${issue.message}`).join("\n");
}

/**
 * Reports input a command cannot work with and returns exit code 2: as `{ error, issues }` on standard output
 * for --json callers, as text on standard error otherwise.
 */
export function reportInvalidInput(io: CliIo, command: string, json: boolean, message: string, issues: readonly DesignIssue[]): number {
  if (json) io.stdout(`${JSON.stringify({ error: message, issues }, null, 2)}\n`);
  else io.stderr(`archway ${command}: ${message}\n${issueLines(issues)}\n`);
  return 2;
}
