import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** The repository root, where the production build and the start script live. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A production Archway (`next start`) of its own on a free loopback port, over a fresh SQLite file in `workDir`;
 * builds first when there is no build. The caller kills `process` when done.
 */
export async function startArchway(workDir: string): Promise<{ baseUrl: string; process: ChildProcess }> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.error("No production build found: running next build");
    await new Promise<void>((resolve, reject) =>
      spawn("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error("next build failed")))),
    );
  }
  const port = await freePort();
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path.join(workDir, "bench.db")}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/designs`)).ok) return { baseUrl, process: child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  child.kill();
  throw new Error("Archway did not start");
}
