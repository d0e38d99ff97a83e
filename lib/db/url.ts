import path from "node:path";

/** Where designs live when DATABASE_URL is unset: a SQLite file under the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/archway.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filename: string }
  | { provider: "postgresql"; url: string };

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/**
 * `file:<path>` selects SQLite (relative paths resolve against the working directory, as Prisma's CLI does when
 * run from the repository root); `postgres://` and `postgresql://` select PostgreSQL.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("file:")) {
    const location = url.slice("file:".length).split("?")[0];
    const filePath = location.startsWith("//") ? location.slice(2) : location;
    if (filePath === "") throw new Error(`DATABASE_URL "${url}" names no SQLite file.`);
    return { provider: "sqlite", url, filename: path.resolve(filePath) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.split(":")[0]}:..."`);
}
