import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS } from "@/lib/catalog";
import { currentFingerprints, everyKindFixtureFile, FINGERPRINTS_FILE, type RecordedFingerprints } from "@/tests/helpers/document-format";
import { FORMAT_HISTORY, type FormatVersion } from "./format-history";
import { DesignVersionError, migrateWith, type MigrationPlan } from "./migrate";
import { parseDesign, SCHEMA_VERSION } from "./index";

/**
 * The document format cannot change by accident: its shape and each kind's settings are fingerprinted per version,
 * every version has a frozen fixture with every kind in it that must always open, and every step between versions
 * exists. The failure messages say what to do.
 */

const recorded: RecordedFingerprints = JSON.parse(readFileSync(FINGERPRINTS_FILE, "utf8"));
const current = currentFingerprints();
const versions = Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1);
const HOW_TO_CHANGE =
  "Raise SCHEMA_VERSION (lib/model/design.ts), add the version to FORMAT_HISTORY (lib/model/format-history.ts) with a " +
  "document step if the envelope changed, raise the settingsVersion of each changed kind with a step in its " +
  "settingsMigrations, then run `npm run document-format:record`.";

describe("document format", () => {
  it("has the recorded shape for the current version", () => {
    expect(current.document, `The design document's shape changed without a new format version. ${HOW_TO_CHANGE}`).toBe(recorded.documents[String(SCHEMA_VERSION)]);
  });

  it.each(COMPONENT_KINDS.map((definition) => definition.kind))("keeps the recorded settings shape of %s for its settings version", (kind) => {
    const { version, fingerprint } = current.kinds[kind];
    expect(fingerprint, `The ${kind} settings changed without a new settings version. ${HOW_TO_CHANGE}`).toBe(recorded.kinds[kind]?.[String(version)]);
  });

  it("lists every version from 1 to the current one, the last with today's settings versions", () => {
    expect(Object.keys(FORMAT_HISTORY).map(Number)).toEqual(versions);
    expect(FORMAT_HISTORY[SCHEMA_VERSION].kinds).toEqual(Object.fromEntries(COMPONENT_KINDS.map((definition) => [definition.kind, definition.settingsVersion ?? 1])));
  });

  it.each(COMPONENT_KINDS.map((definition) => [definition.kind, definition] as const))("has a settings step for every earlier version of %s", (_kind, definition) => {
    const steps = definition.settingsMigrations ?? {};
    for (let version = 1; version < (definition.settingsVersion ?? 1); version += 1) expect(steps[version], `${definition.kind} settings ${version} → ${version + 1}`).toBeTypeOf("function");
  });

  it.each(versions)("opens the frozen every-kind fixture of version %i", (version) => {
    const file = everyKindFixtureFile(version);
    expect(existsSync(file), `Freeze version ${version}'s fixture with \`npm run document-format:record\``).toBe(true);
    const fixture = JSON.parse(readFileSync(file, "utf8"));
    expect(fixture.schemaVersion).toBe(version);
    const result = parseDesign(fixture);
    expect(result.success ? [] : result.issues).toEqual([]);
    if (!result.success) return;
    expect(new Set(result.design.components.map((component) => component.kind))).toEqual(new Set(Object.keys(FORMAT_HISTORY[version].kinds)));
  });
});

describe("migrating a document", () => {
  const plan: MigrationPlan = {
    history: {
      1: { summary: "first", kinds: { cache: 1 } },
      2: { summary: "notes added", kinds: { cache: 1, queue: 1 }, fromPrevious: (document) => ({ ...document, notes: [] }) },
      3: { summary: "cache ttl in minutes", kinds: { cache: 2, queue: 1 } },
    } satisfies Record<number, FormatVersion>,
    settingsMigrations: new Map([["cache", { 1: ({ ttlSeconds, ...rest }) => ({ ...rest, ttlMinutes: Number(ttlSeconds ?? 300) / 60 }) }]]),
    currentVersion: 3,
  };

  it("runs the document step, then each kind's settings steps, one version at a time", () => {
    const migrated = migrateWith(plan, {
      schemaVersion: 1,
      components: [
        { id: "c", kind: "cache", config: { ttlSeconds: 600, engine: "redis" } },
        { id: "q", kind: "queue", config: { fifo: true } },
      ],
    });
    expect(migrated).toEqual({
      schemaVersion: 3,
      notes: [],
      components: [
        { id: "c", kind: "cache", config: { engine: "redis", ttlMinutes: 10 } },
        { id: "q", kind: "queue", config: { fifo: true } },
      ],
    });
  });

  it("gives settings left at their defaults to the step too", () => {
    expect(migrateWith(plan, { schemaVersion: 2, components: [{ id: "c", kind: "cache" }] })).toMatchObject({ components: [{ config: { ttlMinutes: 5 } }] });
  });

  it("refuses versions it cannot reach with a message naming them", () => {
    expect(() => migrateWith(plan, { schemaVersion: 4 })).toThrow(new DesignVersionError("This design uses format version 4, newer than this Archway understands (3). Update Archway to open it."));
    expect(() => migrateWith(plan, { schemaVersion: 0 })).toThrow(/never existed/);
    const gap = { ...plan, settingsMigrations: new Map() };
    expect(() => migrateWith(gap, { schemaVersion: 2, components: [{ id: "c", kind: "cache" }] })).toThrow("No migration for cache settings from version 1.");
  });
});
