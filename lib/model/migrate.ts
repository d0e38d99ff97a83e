import { SCHEMA_VERSION } from "./design";

/**
 * Forward migrations of older documents, one small named step per version (tldraw-style).
 * `MIGRATIONS[n]` turns a version-n document into version n+1; each step keeps a frozen fixture in
 * lib/model/fixtures/v<n>.json. Version 1 is the first published format, so the list starts empty.
 */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

export class DesignVersionError extends Error {}

export function migrateDesignDocument(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  let document = input as Record<string, unknown>;
  const version = document.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version)) return input;
  if (version > SCHEMA_VERSION) {
    throw new DesignVersionError(
      `This design uses format version ${version}, newer than this Archway understands (${SCHEMA_VERSION}). Update Archway to open it.`,
    );
  }
  for (let from = version; from < SCHEMA_VERSION; from += 1) {
    const step = MIGRATIONS[from];
    if (!step) throw new DesignVersionError(`No migration from design format version ${from}.`);
    document = { ...step(document), schemaVersion: from + 1 };
  }
  return document;
}
