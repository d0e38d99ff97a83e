import Database from "better-sqlite3";
import pg from "pg";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "./url";

/**
 * Applies the committed SQL migrations (prisma/migrations, prisma/migrations-postgres) without Prisma's schema
 * engine, which cannot be downloaded offline. Applied migrations are recorded in `_prisma_migrations` exactly as
 * Prisma Migrate records them (same table, sha256 checksums, uuid ids), so `prisma migrate deploy` on a networked
 * machine sees the same history. All pending migrations apply in one transaction under a lock, so a failure leaves
 * nothing half-applied and two processes starting at once apply each migration once. Migrations must therefore be
 * transaction-safe (no CREATE INDEX CONCURRENTLY).
 */

export interface Migration {
  /** Directory name, `<timestamp>_<name>`; migrations apply in name order. */
  name: string;
  script: string;
  /** sha256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** The advisory-lock key Prisma Migrate uses on PostgreSQL; sharing it makes our runner and Prisma exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** Prisma's own DDL for the history table (schema engine, sqlite and postgres flavours), made idempotent. */
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDirectory(provider: DatabaseTarget["provider"], root = process.cwd()): string {
  return path.join(root, "prisma", provider === "sqlite" ? "migrations" : "migrations-postgres");
}

export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

export function readMigrations(directory: string): Migration[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(directory, name, "migration.sql"));
      return { name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}

/** Prisma accepts a checksum taken with either line ending, because git may rewrite them on checkout. */
function checksumMatches(migration: Migration, recorded: string): boolean {
  const variants = [migration.script.replace(/\r\n/g, "\n"), migration.script.replace(/\r?\n/g, "\r\n")];
  return recorded === migration.checksum || variants.some((variant) => migrationChecksum(variant) === recorded);
}

function pendingMigrations(migrations: Migration[], records: MigrationRecord[]): Migration[] {
  const applied = new Map<string, string>();
  for (const record of records) {
    if (record.rolled_back_at !== null) continue;
    if (record.finished_at === null) {
      throw new Error(
        `Migration ${record.migration_name} was started but never finished. Fix the database, then mark it with ` +
          "`prisma migrate resolve` before applying more migrations.",
      );
    }
    applied.set(record.migration_name, record.checksum);
  }
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined && !checksumMatches(migration, recorded)) {
      throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead of changing it.`);
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/**
 * Switches the file to WAL. Changing the journal mode needs the file to itself, and SQLite answers SQLITE_BUSY at
 * once (without the busy handler) when another process is opening it at the same moment, so wait and try again.
 */
function useWriteAheadLog(db: Database.Database): void {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

function migrateSqlite(filename: string, migrations: Migration[]): string[] {
  mkdirSync(path.dirname(filename), { recursive: true });
  // The busy timeout makes a second process wait for the first one's write lock instead of failing.
  const db = new Database(filename, { timeout: 30_000 });
  try {
    // WAL lets the app read while another connection writes; it is a property of the file, so set it once here.
    useWriteAheadLog(db);
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(SQLITE_MIGRATIONS_TABLE);
      const records = db.prepare(`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`).all();
      const pending = pendingMigrations(migrations, records as MigrationRecord[]);
      // Prisma stores SQLite timestamps as integer milliseconds.
      const start = db.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "started_at", "migration_name") VALUES (?, ?, ?, ?)`);
      const finish = db.prepare(
        `UPDATE "_prisma_migrations" SET "applied_steps_count" = "applied_steps_count" + 1, "finished_at" = ? WHERE "id" = ?`,
      );
      for (const migration of pending) {
        const id = randomUUID();
        start.run(id, migration.checksum, Date.now(), migration.name);
        db.exec(migration.script);
        finish.run(Date.now(), id);
      }
      db.exec("COMMIT");
      return pending.map((migration) => migration.name);
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection also rejects the pending query; without a listener the 'error' event would kill the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRecord>("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations");
      const pending = pendingMigrations(migrations, rows);
      for (const migration of pending) {
        const id = randomUUID();
        await client.query("INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, clock_timestamp(), $3)", [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.script);
        await client.query(
          "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
          [id],
        );
      }
      await client.query("COMMIT");
      return pending.map((migration) => migration.name);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Applies every pending migration for `target`; returns the names applied now (empty when up to date). */
export async function migrate(target: DatabaseTarget, directory = migrationsDirectory(target.provider)): Promise<string[]> {
  const migrations = readMigrations(directory);
  return target.provider === "sqlite" ? migrateSqlite(target.filename, migrations) : migratePostgres(target.url, migrations);
}
