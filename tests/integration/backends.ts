import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { disconnectAll } from "@/lib/db/client";
import { startTestPostgres } from "../helpers/postgres";

/** A running database server for one test file; each `createDatabase()` is a fresh, empty database. */
export interface TestBackendServer {
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export interface TestBackend {
  name: "sqlite" | "postgresql";
  start(): Promise<TestBackendServer>;
}

async function startSqlite(): Promise<TestBackendServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "archway-sqlite-"));
  let databases = 0;
  return {
    async createDatabase() {
      databases += 1;
      return `file:${path.join(directory, `test-${databases}.db`)}`;
    },
    stop: () => rm(directory, { recursive: true, force: true }),
  };
}

/** Every integration suite runs once per backend (describe.each), against a real database. */
export const BACKENDS: TestBackend[] = [
  { name: "sqlite", start: startSqlite },
  { name: "postgresql", start: startTestPostgres },
];

/**
 * Inside a `describe.each(BACKENDS)`: starts the backend before the suite; afterwards disconnects, restores
 * DATABASE_URL and stops the server. Returns the running server, for suites that make their own databases.
 */
export function useBackendServer(backend: TestBackend): () => TestBackendServer {
  let server: TestBackendServer | undefined;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    server = await backend.start();
  }, 120_000);

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });

  return () => {
    if (!server) throw new Error("The backend server is not running yet");
    return server;
  };
}

/** As useBackendServer, and points DATABASE_URL at a fresh, unmigrated database (the first request must migrate it). */
export function useFreshDatabase(backend: TestBackend): void {
  const server = useBackendServer(backend);
  beforeAll(async () => {
    process.env.DATABASE_URL = await server().createDatabase();
  });
}
