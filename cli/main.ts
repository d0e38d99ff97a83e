import { COMMANDS } from "./commands";
import type { CliIo } from "./types";

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length), 4);
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return ["Usage: archway <command> [options]", "", "Commands:", ...lines, "", "Run `archway <command> --help` for a command's options.", ""].join("\n");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`archway: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  return command.run(args, io);
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => process.stdin,
    cwd: process.cwd(),
  };
}
