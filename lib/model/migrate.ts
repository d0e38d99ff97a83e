import { COMPONENT_KINDS } from "../catalog";
import type { SettingsMigration } from "../catalog/types";
import { SCHEMA_VERSION } from "./design";
import { FORMAT_HISTORY, type FormatVersion } from "./format-history";

/**
 * Forward migrations of older documents, one version at a time (tldraw-style): the document-level step of the next
 * version (format-history.ts), then each component's settings through its kind's own steps (`settingsMigrations` on
 * the kind's catalogue definition), from the kind's settings version in the old format to the one in the new.
 */

export class DesignVersionError extends Error {}

/** What a migration runs on: the format history, each kind's settings steps, and the version to reach. */
export interface MigrationPlan {
  history: Readonly<Record<number, FormatVersion>>;
  settingsMigrations: ReadonlyMap<string, Readonly<Record<number, SettingsMigration>>>;
  currentVersion: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function migrateSettings(plan: MigrationPlan, kind: string, config: Record<string, unknown>, from: number, to: number): Record<string, unknown> {
  let migrated = config;
  for (let version = from; version < to; version += 1) {
    const step = plan.settingsMigrations.get(kind)?.[version];
    if (!step) throw new DesignVersionError(`No migration for ${kind} settings from version ${version}.`);
    migrated = step(migrated);
  }
  return migrated;
}

/** Each component's settings moved from the kinds' versions in format `from` to those in format `from + 1`. */
function migrateComponents(plan: MigrationPlan, document: Record<string, unknown>, from: number): Record<string, unknown> {
  const before = plan.history[from].kinds;
  const after = plan.history[from + 1].kinds;
  if (!Array.isArray(document.components)) return document;
  const components = document.components.map((component: unknown) => {
    if (!isRecord(component) || typeof component.kind !== "string") return component;
    const oldVersion = before[component.kind];
    const newVersion = after[component.kind];
    if (oldVersion === undefined || newVersion === undefined || oldVersion === newVersion) return component;
    const config = isRecord(component.config) ? component.config : {};
    return { ...component, config: migrateSettings(plan, component.kind, config, oldVersion, newVersion) };
  });
  return { ...document, components };
}

/** The document brought to `plan.currentVersion`; input that names no version is returned for the schema to report. */
export function migrateWith(plan: MigrationPlan, input: unknown): unknown {
  if (!isRecord(input)) return input;
  let document = input;
  const version = document.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version)) return input;
  if (version > plan.currentVersion) {
    throw new DesignVersionError(
      `This design uses format version ${version}, newer than this Archway understands (${plan.currentVersion}). Update Archway to open it.`,
    );
  }
  if (version < 1) throw new DesignVersionError(`Design format version ${version} never existed; the first is 1.`);
  for (let from = version; from < plan.currentVersion; from += 1) {
    const next = plan.history[from + 1];
    if (!next || !plan.history[from]) throw new DesignVersionError(`No migration from design format version ${from}.`);
    const stepped = next.fromPrevious ? next.fromPrevious(document) : document;
    document = { ...migrateComponents(plan, stepped, from), schemaVersion: from + 1 };
  }
  return document;
}

const PLAN: MigrationPlan = {
  history: FORMAT_HISTORY,
  settingsMigrations: new Map(COMPONENT_KINDS.map((definition) => [definition.kind, definition.settingsMigrations ?? {}])),
  currentVersion: SCHEMA_VERSION,
};

export function migrateDesignDocument(input: unknown): unknown {
  return migrateWith(PLAN, input);
}
