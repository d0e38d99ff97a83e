import type { PrismaClient } from "./generated/sqlite/client";
import { migrate } from "./migrate";
import { databaseUrl, parseDatabaseUrl } from "./url";

/**
 * The Prisma client the repositories use. Both generated clients come from the same models (the PostgreSQL schema
 * is derived from prisma/schema.prisma), so their model APIs agree and the PostgreSQL client is typed as this one.
 */
export type Db = PrismaClient;

type ClientCache = Map<string, Promise<Db>>;

// One client per database URL per process. Kept on globalThis so Next's dev-mode module reloads reuse it
// instead of opening a new connection pool on every edit.
const globalForDb = globalThis as typeof globalThis & { __archwayDbClients?: ClientCache };
const clients: ClientCache = (globalForDb.__archwayDbClients ??= new Map());

async function connect(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  await migrate(target);
  if (target.provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
      import("./generated/sqlite/client"),
      import("@prisma/adapter-better-sqlite3"),
    ]);
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.filename, timeout: 30_000 }) });
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("./generated/postgres/client"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
}

/**
 * The client for DATABASE_URL (read on every call, so tests can point it elsewhere), with migrations applied
 * before first use: a fresh database just works.
 */
export function getDb(url = databaseUrl()): Promise<Db> {
  let client = clients.get(url);
  if (!client) {
    const starting = connect(url);
    clients.set(url, starting);
    // A failed start (database down, bad migration) is retried by the next caller rather than cached.
    starting.catch(() => {
      if (clients.get(url) === starting) clients.delete(url);
    });
    client = starting;
  }
  return client;
}

/** Closes every cached client; for tests and graceful shutdown. */
export async function disconnectAll(): Promise<void> {
  const pending = [...clients.values()];
  clients.clear();
  await Promise.all(pending.map(async (client) => (await client.catch(() => undefined))?.$disconnect()));
}
