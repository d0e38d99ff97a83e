import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The installed command itself, so tests cover what users run: the compiled bundle the global setup builds. */
export const ARCHWAY_BIN = fileURLToPath(new URL("../../bin/archway.mjs", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `archway ARGV` as a process of its own, in `cwd`, with `stdin` (text as UTF-8, or bytes) as standard input, capturing both output streams. */
export function runCli(argv: string[], { cwd, stdin = "", bin = ARCHWAY_BIN }: { cwd: string; stdin?: string | Uint8Array; bin?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    // A command that stops reading early (an oversized or unused stdin) closes the pipe; that is its answer, not an error.
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);
    child.on("error", reject);
    child.on("close", (code, signal) => (signal ? reject(new Error(`archway ${argv.join(" ")} ended by ${signal}`)) : resolve({ code: code ?? 1, stdout, stderr })));
  });
}
