import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeLoopbackPort } from "./typescript-services";

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";

/** Resolves once the server answers PING with PONG; rejects when the process exits first. */
function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) => finish(new Error(`redis-server exited with code ${code} before answering:\n${output()}`));
    child.on("exit", onExit);
    const attempt = () => {
      if (settled) return;
      const socket = createConnection({ host: HOST, port });
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (data) => {
        socket.destroy();
        if (data.toString().startsWith("+PONG")) finish();
        else setTimeout(attempt, 50);
      });
      socket.once("error", () => {
        socket.destroy();
        setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts Debian's redis-server on a free loopback port with persistence off, in a temp dir of its own.
 * CI installs it with `apt-get install -y redis-server`; a missing binary fails with that hint.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const directory = await mkdtemp(path.join(tmpdir(), "archway-redis-"));
  const port = await freeLoopbackPort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) => reject(new Error(`Cannot start redis-server (apt-get install -y redis-server): ${error.message}`)));
  });
  try {
    await spawned;
    await waitForPong(port, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://${HOST}:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
