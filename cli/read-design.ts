import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { parseDesignJson, type Design, type DesignIssue } from "@/lib/model";
import type { CliIo } from "./types";

/**
 * The most a design argument may be. Far above anything the schema accepts; it exists so that `/dev/zero` or a
 * runaway pipe is refused instead of filling memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A design named on the command line: read, migrated and parsed, or why not (with every failing path). */
export type DesignArgument = { kind: "ok"; design: Design; text: string } | { kind: "failed"; message: string; issues: DesignIssue[] };

/** Collects at most MAX_INPUT_BYTES; one byte more stops reading. */
async function readBounded(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of source) {
    received += chunk.byteLength;
    if (received > MAX_INPUT_BYTES) throw new Error(`it is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, received);
}

/**
 * UTF-8 text the way the API's readJsonBody and the browser's File.text() decode it (the WHATWG UTF-8 decoder):
 * a leading byte order mark is dropped, and bytes that are not UTF-8 are an error rather than silently replaced.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads FILE, or standard input for "-", as a design document; every command takes its design this way. */
export async function readDesignArgument(io: CliIo, file: string): Promise<DesignArgument> {
  const label = file === "-" ? "standard input" : file;
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(file === "-" ? io.stdin() : createReadStream(resolve(io.cwd, file)));
  } catch (error) {
    return { kind: "failed", message: `cannot read ${file}`, issues: [{ path: "", message: (error as Error).message }] };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) return { kind: "failed", message: `${label} is not UTF-8 text`, issues: [{ path: "", message: "A design document must be UTF-8 encoded JSON" }] };
  const parsed = parseDesignJson(text);
  if (!parsed.success) return { kind: "failed", message: `${label} is not a valid design`, issues: parsed.issues };
  return { kind: "ok", design: parsed.design, text };
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
