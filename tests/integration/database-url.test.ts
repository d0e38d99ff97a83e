import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseUrl, parseDatabaseUrl } from "@/lib/db/url";

describe("DATABASE_URL", () => {
  const previous = process.env.DATABASE_URL;
  afterEach(() => {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  });

  it("defaults to the SQLite file data/archway.db under the working directory", () => {
    delete process.env.DATABASE_URL;
    expect(databaseUrl()).toBe(DEFAULT_DATABASE_URL);
    expect(parseDatabaseUrl(DEFAULT_DATABASE_URL)).toEqual({
      provider: "sqlite",
      url: DEFAULT_DATABASE_URL,
      filename: path.resolve("data/archway.db"),
    });
  });

  it("is read on every call, so tests and tools can point it elsewhere", () => {
    process.env.DATABASE_URL = "file:/tmp/elsewhere.db";
    expect(databaseUrl()).toBe("file:/tmp/elsewhere.db");
  });

  it("selects SQLite for file: URLs, ignoring query parameters", () => {
    expect(parseDatabaseUrl("file:/var/lib/archway/designs.db?connection_limit=1")).toMatchObject({
      provider: "sqlite",
      filename: "/var/lib/archway/designs.db",
    });
    expect(parseDatabaseUrl("file:///var/lib/archway/designs.db")).toMatchObject({ filename: "/var/lib/archway/designs.db" });
  });

  it("selects PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/archway", "postgresql://u:p@db/archway?sslmode=require"]) {
      expect(parseDatabaseUrl(url)).toEqual({ provider: "postgresql", url });
    }
  });

  it("rejects other schemes and an empty SQLite path with a message naming the accepted forms", () => {
    expect(() => parseDatabaseUrl("mysql://u:p@db/archway")).toThrow(/file: \(SQLite\) or postgres/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/names no SQLite file/);
  });
});
