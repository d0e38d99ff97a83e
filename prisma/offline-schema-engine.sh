#!/bin/sh
# Stand-in for Prisma's schema engine. `prisma generate` insists that an engine binary exists but never runs it;
# scripts/prisma-generate.mjs points PRISMA_SCHEMA_ENGINE_BINARY here so generation works without binaries.prisma.sh.
# Migrations are applied by `npm run db:migrate` (lib/db/migrate.ts). To use `prisma migrate`/`prisma studio`,
# run the Prisma CLI directly on a networked machine: it downloads the real engine.
echo "archway: prisma/offline-schema-engine.sh is a stand-in for Prisma's schema engine and cannot run migrations." >&2
echo "archway: apply migrations with 'npm run db:migrate', or run 'npx prisma migrate deploy' without PRISMA_SCHEMA_ENGINE_BINARY on a networked machine." >&2
exit 1
