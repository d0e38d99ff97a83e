/**
 * Every published version of the design document format and what each is made of. A document names its version
 * (`schemaVersion`); each version records the settings version of every component kind it knew, so a document is
 * migrated kind by kind with the steps kept beside each kind (`settingsMigrations` on its catalogue definition) and
 * the document-level step kept here. Every version has a frozen fixture, lib/model/fixtures/v<n>-every-kind.json,
 * that must always open.
 */

export type DocumentMigration = (document: Record<string, unknown>) => Record<string, unknown>;

export interface FormatVersion {
  /** What changed from the version before, for people reading the history. */
  summary: string;
  /** Settings version of each component kind in this format; a kind missing here did not exist yet. */
  kinds: Readonly<Record<string, number>>;
  /** Turns a document of the previous version into this one, before the kinds' own steps run; absent when only kinds changed. */
  fromPrevious?: DocumentMigration;
}

/** The settings version of every kind in the first format; a later format that changes none shares this table. */
const FIRST_KINDS: Readonly<Record<string, number>> = {
  client: 1,
  dns: 1,
  cdn: 1,
  waf: 1,
  "rate-limiter": 1,
  "load-balancer": 1,
  "api-gateway": 1,
  "reverse-proxy": 1,
  service: 1,
  worker: 1,
  cache: 1,
  database: 1,
  "nosql-database": 1,
  "object-storage": 1,
  queue: 1,
  observability: 1,
  "secrets-manager": 1,
};

export const FORMAT_HISTORY: Readonly<Record<number, FormatVersion>> = {
  1: {
    summary: "The first published format.",
    kinds: FIRST_KINDS,
  },
  2: {
    summary: "Components may also run in more zones (alsoIn, with a position per placement); notes and shapes (annotations).",
    kinds: FIRST_KINDS,
  },
};
