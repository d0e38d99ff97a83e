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
 * Inside a `describe.each(BACKENDS)`: starts the backend before the suite and points DATABASE_URL at a fresh,
 * unmigrated database (the first request must migrate it); afterwards disconnects, restores DATABASE_URL and stops
 * the server.
 */
export function useFreshDatabase(backend: TestBackend): void {
  let server: TestBackendServer | undefined;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    server = await backend.start();
    process.env.DATABASE_URL = await server.createDatabase();
  }, 120_000);

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });
}
