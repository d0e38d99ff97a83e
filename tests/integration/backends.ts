import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
