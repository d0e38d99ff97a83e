#!/usr/bin/env node
// Applies the committed migrations to DATABASE_URL (default: the SQLite file data/archway.db, directory created).
// Same runner the app uses on first database access (lib/db/migrate.ts); needs no Prisma engine binaries.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { databaseUrl, parseDatabaseUrl } = await import("../lib/db/url.ts");
const { migrate, migrationsDirectory } = await import("../lib/db/migrate.ts");

const root = fileURLToPath(new URL("..", import.meta.url));

/** Where the migrations went, without the password a PostgreSQL URL may carry. */
function describe(target) {
  if (target.provider === "sqlite") return target.filename;
  const url = new URL(target.url);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

try {
  const target = parseDatabaseUrl(databaseUrl());
  const applied = await migrate(target, migrationsDirectory(target.provider, root));
  if (applied.length === 0) console.log(`Database is up to date (${describe(target)}).`);
  for (const name of applied) console.log(`Applied ${name} (${describe(target)})`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
