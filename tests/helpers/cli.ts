import { main } from "@/cli/main";
import type { CliIo } from "@/cli/types";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `archway ARGV` in-process, in `cwd`, with `stdin` (text as UTF-8, or bytes) as standard input, capturing both output streams. */
export async function runCli(argv: string[], { cwd, stdin = "" }: { cwd: string; stdin?: string | Uint8Array }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const bytes = typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin;
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: async function* () {
      yield bytes;
    },
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
