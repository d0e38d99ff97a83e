import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { GeneratedFile } from "@/lib/generators";

const run = promisify(execFile);

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port assigned"))));
    });
  });
}

/** Writes generated files under `root`, refusing any path that would leave it. */
export async function writeGeneratedFiles(root: string, files: readonly GeneratedFile[]): Promise<void> {
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(`${path.resolve(root)}${path.sep}`)) throw new Error(`Refusing to write outside ${root}: ${file.path}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
}

/**
 * The environment for child processes: this process's, minus the npm_* variables that `npm exec vitest`
 * sets, which would otherwise steer the nested npm (its prefix, its lifecycle) away from the workspace.
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(environment)) if (name.toLowerCase().startsWith("npm_")) delete environment[name];
  return environment;
}

/** Runs a command to completion; a non-zero exit fails with its output, which is what a test report needs. */
export async function runCommand(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: childEnvironment(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${failure.stdout ?? ""}${failure.stderr ?? failure.message}`);
  }
}

export interface RunningService {
  name: string;
  baseUrl: string;
  /** Everything the process wrote so far (JSON log lines). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code; rejects when the process is still alive after `withinMs`. */
  terminate(withinMs: number): Promise<number | null>;
  kill(): void;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Waits until the service has logged `text`: a log line can reach the pipe after the response it describes. */
export async function waitForOutput(service: RunningService, text: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts && !service.output().includes(text); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!service.output().includes(text)) throw new Error(`${service.name} never logged ${text}. Its output:\n${service.output()}`);
}

/** Polls `url` until it answers with `status`, failing with the service's output if it never does. */
export async function waitForStatus(service: RunningService, url: string, status: number, attempts = 200): Promise<void> {
  let last = "no answer";
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.status === status) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered ${status} (last: ${last}). Output of ${service.name}:\n${service.output()}`);
}

/** Starts `node dist/index.js` in a built service folder and waits until /health answers 200. */
export async function startService(name: string, directory: string, port: number, environment: Record<string, string>): Promise<RunningService> {
  const child = spawn(process.execPath, ["dist/index.js"], {
    cwd: directory,
    env: childEnvironment({ ...environment, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const service: RunningService = {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async terminate(withinMs) {
      const exited = exitOf(child);
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} was still running ${withinMs} ms after SIGTERM:\n${output}`)), withinMs);
      });
      try {
        return await Promise.race([exited, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
  await waitForStatus(service, `${service.baseUrl}/health`, 200);
  return service;
}

/** The value of one Prometheus sample, e.g. metric(text, "cache_hits_total", 'cache="redis"'); 0 when absent. */
export function metric(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((candidate) => (candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`)) && candidate.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}
