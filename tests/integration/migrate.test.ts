import Database from "better-sqlite3";
import pg from "pg";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDirectory, readMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/url";
import { BACKENDS, type TestBackendServer } from "./backends";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: unknown;
  applied_steps_count: number;
}

async function query<T>(target: DatabaseTarget, sql: string): Promise<T[]> {
  if (target.provider === "sqlite") {
    const db = new Database(target.filename, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function history(target: DatabaseTarget): Promise<HistoryRow[]> {
  return query<HistoryRow>(target, `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`);
}

async function tableNames(target: DatabaseTarget): Promise<string[]> {
  const sql =
    target.provider === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
  return (await query<{ name: string }>(target, sql)).map((row) => row.name);
}

function runMigrateScript(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/migrate.mjs")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** A throwaway migrations directory with the given `<name>: sql` entries. */
async function migrationsFixture(migrations: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "archway-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(directory, name));
    await writeFile(path.join(directory, name, "migration.sql"), sql);
  }
  return directory;
}

describe("committed migrations", () => {
  it("are read in name order with the sha256 of migration.sql as checksum", async () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const directory = migrationsDirectory(provider, ROOT);
      const migrations = readMigrations(directory);
      expect(migrations.length).toBeGreaterThan(0);
      expect(migrations.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name).sort());
      for (const migration of migrations) {
        const bytes = await readFile(path.join(directory, migration.name, "migration.sql"));
        expect(migration.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      }
    }
  });

  it("exist for both providers under the same names, with a lock file naming the provider", async () => {
    const names = (provider: "sqlite" | "postgresql") => readMigrations(migrationsDirectory(provider, ROOT)).map((migration) => migration.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
    expect(await readFile(path.join(ROOT, "prisma/migrations/migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(await readFile(path.join(ROOT, "prisma/migrations-postgres/migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });
});

describe.each(BACKENDS)("migration runner on $name", (backend) => {
  let server: TestBackendServer;
  const fixtures: string[] = [];

  beforeAll(async () => {
    server = await backend.start();
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all(fixtures.map((directory) => rm(directory, { recursive: true, force: true })));
  });

  async function fixture(migrations: Record<string, string>): Promise<string> {
    const directory = await migrationsFixture(migrations);
    fixtures.push(directory);
    return directory;
  }

  it("applies every migration once and records it the way Prisma Migrate does", async () => {
    const target = parseDatabaseUrl(await server.createDatabase());
    const expected = readMigrations(migrationsDirectory(backend.name, ROOT));

    expect(await migrate(target, migrationsDirectory(backend.name, ROOT))).toEqual(expected.map((migration) => migration.name));

    const rows = await history(target);
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(expected.map((migration) => [migration.name, migration.checksum]));
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    expect(await tableNames(target)).toEqual(expect.arrayContaining(["Design", "DesignVersion", "_prisma_migrations"]));
  });

  it("is idempotent: a second run applies nothing and records nothing", async () => {
    const target = parseDatabaseUrl(await server.createDatabase());
    await migrate(target, migrationsDirectory(backend.name, ROOT));
    const before = await history(target);

    expect(await migrate(target, migrationsDirectory(backend.name, ROOT))).toEqual([]);
    expect(await history(target)).toEqual(before);
  });

  it("applies only migrations added since the last run", async () => {
    const target = parseDatabaseUrl(await server.createDatabase());
    const directory = await fixture({ "20260101000000_first": 'CREATE TABLE "First" ("id" INTEGER NOT NULL);\n' });
    expect(await migrate(target, directory)).toEqual(["20260101000000_first"]);

    await mkdir(path.join(directory, "20260102000000_second"));
    await writeFile(path.join(directory, "20260102000000_second", "migration.sql"), 'CREATE TABLE "Second" ("id" INTEGER NOT NULL);\n');

    expect(await migrate(target, directory)).toEqual(["20260102000000_second"]);
    expect((await history(target)).map((row) => row.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
  });

  it("rolls everything back when a migration fails, leaving no history", async () => {
    const target = parseDatabaseUrl(await server.createDatabase());
    const directory = await fixture({
      "20260101000000_good": 'CREATE TABLE "Good" ("id" INTEGER NOT NULL);\n',
      "20260102000000_bad": 'CREATE TABLE "Bad" (;\n',
    });

    await expect(migrate(target, directory)).rejects.toThrow();
    expect(await tableNames(target)).toEqual([]);
  });

  it("refuses a migration edited after it was applied, but accepts a line-ending change", async () => {
    const target = parseDatabaseUrl(await server.createDatabase());
    const script = 'CREATE TABLE "Edited" (\n    "id" INTEGER NOT NULL\n);\n';
    const directory = await fixture({ "20260101000000_edited": script });
    const file = path.join(directory, "20260101000000_edited", "migration.sql");
    await migrate(target, directory);

    await writeFile(file, script.replace(/\n/g, "\r\n"));
    expect(await migrate(target, directory)).toEqual([]);

    await writeFile(file, script.replace("INTEGER", "BIGINT"));
    await expect(migrate(target, directory)).rejects.toThrow(/edited after it was applied/);
  });

  it("applies each migration once when two processes start at the same time", async () => {
    const url = await server.createDatabase();
    const runs = await Promise.all([runMigrateScript(url), runMigrateScript(url)]);

    expect(runs.map((run) => run.code), runs.map((run) => run.output).join("\n")).toEqual([0, 0]);
    const appliedBy = runs.filter((run) => run.output.includes("Applied "));
    expect(appliedBy).toHaveLength(1);
    const names = readMigrations(migrationsDirectory(backend.name, ROOT)).map((migration) => migration.name);
    expect((await history(parseDatabaseUrl(url))).map((row) => row.migration_name)).toEqual(names);
  });
});
