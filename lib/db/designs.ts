import { randomInt } from "node:crypto";
import { LIMITS, minimizeDesign, parseDesign, type Design, type DesignIssue } from "@/lib/model";
import { ChangeSummarySchema, summariseChanges, type ChangeSummary } from "@/lib/model/change-summary";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite/client";
import { VERSION_RETENTION, versionsToDrop } from "./version-retention";

/**
 * The design repository: the only module that talks to Prisma about designs. Documents are validated with
 * parseDesign before they are stored, in their minimal form (minimizeDesign), and parsed again (migrating older
 * formats, filling in defaults) when they are read. Rows written before minimal storage parse the same way.
 */

export interface DesignSummary {
  id: string;
  name: string;
  revision: number;
  updatedAt: Date;
  componentCount: number;
}

export interface StoredDesign {
  id: string;
  name: string;
  revision: number;
  document: Design;
  updatedAt: Date;
}

export interface CreatedDesign {
  id: string;
  revision: number;
  document: Design;
}

export interface DesignVersionSummary {
  revision: number;
  name: string;
  createdAt: Date;
  componentCount: number;
  /** The name the user gave this version; null for autosaves. */
  label: string | null;
  /** What this save changed from the revision before it; null for a design's first version and older rows. */
  changes: ChangeSummary | null;
}

export interface StoredDesignVersion {
  revision: number;
  name: string;
  createdAt: Date;
  label: string | null;
  document: Design;
}

export type LabelResult =
  | { status: "labelled"; version: DesignVersionSummary }
  | { status: "too-many-labels"; limit: number }
  | { status: "not-found" };

/** Outcome of every write that creates a revision: save, rename, restore. */
export type WriteResult =
  | { status: "saved"; revision: number; document: Design }
  | { status: "conflict"; current: { revision: number; document: Design } }
  | { status: "not-found" };

/** The document failed validation; `issues` point into the design document. */
export class InvalidDesignError extends Error {
  readonly issues: DesignIssue[];

  constructor(issues: DesignIssue[]) {
    super(`Invalid design: ${issues.map((issue) => `${issue.path || "(document)"}: ${issue.message}`).join("; ")}`);
    this.name = "InvalidDesignError";
    this.issues = issues;
  }
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 12;

/** 12 alphanumerics (~71 random bits): URL-safe, and unlike nanoid's `-` never mistaken for a CLI flag. */
export function newRecordId(): string {
  return Array.from({ length: ID_LENGTH }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("");
}

// SQLite serialises transactions within a process, so a burst of saves queues; give the queue room.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
const MAX_RENAME_ATTEMPTS = 5;
const COPY_SUFFIX = " (copy)";

function validated(input: unknown): Design {
  const result = parseDesign(input);
  if (!result.success) throw new InvalidDesignError(result.issues);
  return result.design;
}

function storedDocument(text: string, source: string): Design {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${source} holds a document that is not JSON`);
  }
  const result = parseDesign(value);
  if (!result.success) throw new Error(`${source} holds an invalid design: ${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`);
  return result.design;
}

function storedFields(design: Design, minimal = minimizeDesign(design)) {
  return { name: design.name, document: JSON.stringify(minimal), componentCount: design.components.length };
}

/** A stored summary, or null when the row has none or holds one this version cannot read. */
function readChanges(text: string | null): ChangeSummary | null {
  if (text === null) return null;
  try {
    const parsed = ChangeSummarySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const VERSION_SUMMARY_COLUMNS = { revision: true, name: true, createdAt: true, componentCount: true, label: true, changes: true } as const;

function versionSummary(row: { revision: number; name: string; createdAt: Date; componentCount: number; label: string | null; changes: string | null }): DesignVersionSummary {
  return { ...row, changes: readChanges(row.changes) };
}

/** `<name> (copy)`, shortening the name so the result still fits, without splitting a surrogate pair. */
function copyName(name: string): string {
  const characters = Array.from(name);
  while (characters.join("").length + COPY_SUFFIX.length > LIMITS.nameLength) characters.pop();
  return `${characters.join("")}${COPY_SUFFIX}`;
}

/**
 * Moves design `id` from `baseRevision` to the next revision. The update is conditional on the revision, so of two
 * writers starting from the same base exactly one matches a row; the other gets a conflict with the current
 * content. Never a lost update.
 */
async function writeRevision(tx: Prisma.TransactionClient, id: string, baseRevision: number, design: Design, now: Date): Promise<WriteResult> {
  const minimal = minimizeDesign(design);
  const fields = storedFields(design, minimal);
  const revision = baseRevision + 1;
  const previous = await tx.design.findUnique({ where: { id }, select: { revision: true, document: true } });
  if (!previous) return { status: "not-found" };
  const { count } =
    previous.revision === baseRevision ? await tx.design.updateMany({ where: { id, revision: baseRevision }, data: { ...fields, revision, updatedAt: now } }) : { count: 0 };
  if (count === 0) {
    const current = await tx.design.findUnique({ where: { id }, select: { revision: true, document: true } });
    if (!current) return { status: "not-found" };
    return { status: "conflict", current: { revision: current.revision, document: storedDocument(current.document, `Design ${id}`) } };
  }
  const changes = JSON.stringify(summariseChanges(JSON.parse(previous.document), minimal));
  await tx.designVersion.create({ data: { id: newRecordId(), designId: id, revision, ...fields, changes, createdAt: now } });
  await compactVersions(tx, id, now);
  return { status: "saved", revision, document: design };
}

/**
 * Applies the retention policy (version-retention.ts) after a write, inside its transaction, while the design row
 * is locked by the update. `label: null` in the delete keeps a version that was labelled after it was read.
 */
async function compactVersions(tx: Prisma.TransactionClient, id: string, now: Date): Promise<void> {
  const versions = await tx.designVersion.findMany({ where: { designId: id }, select: { revision: true, createdAt: true, label: true } });
  const drop = versionsToDrop(versions, now);
  if (drop.length > 0) await tx.designVersion.deleteMany({ where: { designId: id, revision: { in: drop }, label: null } });
}

async function write(id: string, baseRevision: number, design: Design, now: Date): Promise<WriteResult> {
  const db = await getDb();
  return db.$transaction((tx) => writeRevision(tx, id, baseRevision, design, now), TRANSACTION_OPTIONS);
}

/** Most recently changed first. */
export async function listDesigns(): Promise<DesignSummary[]> {
  const db = await getDb();
  return db.design.findMany({
    select: { id: true, name: true, revision: true, updatedAt: true, componentCount: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

/** Stores a new design at revision 1 (with its first version). Throws InvalidDesignError. */
export async function createDesign(document: unknown, now = new Date()): Promise<CreatedDesign> {
  const design = validated(document);
  const fields = storedFields(design);
  const id = newRecordId();
  const db = await getDb();
  await db.design.create({
    data: { id, revision: 1, ...fields, createdAt: now, updatedAt: now, versions: { create: { id: newRecordId(), revision: 1, ...fields, createdAt: now } } },
  });
  return { id, revision: 1, document: design };
}

export async function getDesign(id: string): Promise<StoredDesign | null> {
  const db = await getDb();
  const row = await db.design.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, name: row.name, revision: row.revision, document: storedDocument(row.document, `Design ${id}`), updatedAt: row.updatedAt };
}

/** Saves `document` as the revision after `baseRevision`, the revision the editor started from. Throws InvalidDesignError. */
export async function saveDesign(id: string, baseRevision: number, document: unknown, now = new Date()): Promise<WriteResult> {
  return write(id, baseRevision, validated(document), now);
}

/** Renames the design and its document (a new revision). Throws InvalidDesignError for an invalid name. */
export async function renameDesign(id: string, name: string, now = new Date()): Promise<WriteResult> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await getDesign(id);
    if (!current) return { status: "not-found" };
    const result = await write(id, current.revision, validated({ ...current.document, name }), now);
    // A rename names no base revision: when a save lands between our read and write, rename on top of it.
    if (result.status !== "conflict" || attempt === MAX_RENAME_ATTEMPTS) return result;
  }
}

/** A new design holding only the current document (not its history), under `<name> (copy)`. */
export async function duplicateDesign(id: string): Promise<CreatedDesign | null> {
  const original = await getDesign(id);
  if (!original) return null;
  return createDesign({ ...original.document, name: copyName(original.document.name) });
}

/** Deletes the design and its versions; false when there was none. */
export async function deleteDesign(id: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.design.deleteMany({ where: { id } });
  return count > 0;
}

/** Newest first; null when the design does not exist. */
export async function listDesignVersions(id: string): Promise<DesignVersionSummary[] | null> {
  const db = await getDb();
  const design = await db.design.findUnique({
    where: { id },
    select: { versions: { select: VERSION_SUMMARY_COLUMNS, orderBy: { revision: "desc" } } },
  });
  return design ? design.versions.map(versionSummary) : null;
}

export async function getDesignVersion(id: string, revision: number): Promise<StoredDesignVersion | null> {
  const db = await getDb();
  const version = await db.designVersion.findUnique({ where: { designId_revision: { designId: id, revision } } });
  if (!version) return null;
  return {
    revision: version.revision,
    name: version.name,
    createdAt: version.createdAt,
    label: version.label,
    document: storedDocument(version.document, `Version ${revision} of design ${id}`),
  };
}

/** Writes the content of `revision` as a new revision after `baseRevision`; history is never rewritten. */
export async function restoreDesignVersion(id: string, revision: number, baseRevision: number, now = new Date()): Promise<WriteResult> {
  const version = await getDesignVersion(id, revision);
  if (!version) return { status: "not-found" };
  return write(id, baseRevision, validated(version.document), now);
}

/**
 * Names a version (kept forever from then on) or, with null, removes its name (it is then compacted like any
 * autosave). At most VERSION_RETENTION.maxLabelled versions of a design carry a name.
 */
export async function labelDesignVersion(id: string, revision: number, label: string | null): Promise<LabelResult> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const version = await tx.designVersion.findUnique({ where: { designId_revision: { designId: id, revision } }, select: { label: true } });
    if (!version) return { status: "not-found" };
    if (label !== null && version.label === null) {
      const labelled = await tx.designVersion.count({ where: { designId: id, label: { not: null } } });
      if (labelled >= VERSION_RETENTION.maxLabelled) return { status: "too-many-labels", limit: VERSION_RETENTION.maxLabelled };
    }
    // updateMany, not update: a compaction running at the same time may have deleted the version since it was read.
    const { count } = await tx.designVersion.updateMany({ where: { designId: id, revision }, data: { label } });
    const updated = await tx.designVersion.findUnique({ where: { designId_revision: { designId: id, revision } }, select: VERSION_SUMMARY_COLUMNS });
    return count === 1 && updated ? { status: "labelled", version: versionSummary(updated) } : { status: "not-found" };
  }, TRANSACTION_OPTIONS);
}
