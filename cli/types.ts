/** Where a command reads and writes, so tests can drive commands without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input as raw bytes: the reader decodes them (and bounds how much it takes). */
  stdin(): AsyncIterable<Uint8Array>;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
