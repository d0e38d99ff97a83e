import { main } from "@/cli/main";
import type { CliIo } from "@/cli/types";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `archway ARGV` in-process, in `cwd`, with `stdin` as standard input, capturing both output streams. */
export async function runCli(argv: string[], { cwd, stdin = "" }: { cwd: string; stdin?: string }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
