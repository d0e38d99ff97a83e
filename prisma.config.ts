import { defineConfig } from "prisma/config";

// DATABASE_URL picks the provider: file: URLs use the SQLite models and migrations, postgres(ql):// URLs the
// schema derived by scripts/prisma-generate.mjs and prisma/migrations-postgres. The default matches lib/db/url.ts.
const url = process.env.DATABASE_URL || "file:./data/archway.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/generated/postgres.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations-postgres" : "prisma/migrations" },
  datasource: { url },
});
