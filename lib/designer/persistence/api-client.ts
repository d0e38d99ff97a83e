import { z } from "zod";
import { minimizeDesign, parseDesign, type Design, type DesignIssue } from "@/lib/model";
import { ChangeSummarySchema, type ChangeSummary } from "@/lib/model/change-summary";
import type { DiffSection } from "@/lib/review/format-diff";

/** Listing entry of GET /api/designs. */
export interface DesignSummary {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  componentCount: number;
}

export interface DesignRecord {
  id: string;
  name: string;
  revision: number;
  document: Design;
  updatedAt: string;
}

export interface CreatedDesign {
  id: string;
  revision: number;
  document: Design;
}

export interface VersionSummary {
  revision: number;
  name: string;
  createdAt: string;
  componentCount: number;
  /** The name the user gave this version (kept forever); null for autosaves. */
  label: string | null;
  /** What this save changed from the revision before it; null for a design's first version. */
  changes: ChangeSummary | null;
}

export interface RevisionedDocument {
  revision: number;
  document: Design;
}

/**
 * Every way a request can end. Failures are values, never exceptions, so callers must decide what a
 * conflict or an offline server means for them.
 */
export type ApiFailure =
  | { kind: "conflict"; error: string; current: RevisionedDocument }
  | { kind: "invalid"; status: 400 | 422; error: string; issues: DesignIssue[] }
  | { kind: "too-large"; error: string }
  | { kind: "not-found"; error: string }
  | { kind: "network"; error: string }
  | { kind: "server"; status: number; error: string };

export type ApiResult<T> = { kind: "ok"; value: T } | ApiFailure;

/** Failures that may succeed when the same request is sent again later. */
export function isRetryable(failure: ApiFailure): boolean {
  if (failure.kind === "network") return true;
  return failure.kind === "server" && (failure.status >= 500 || failure.status === 408 || failure.status === 429);
}

/** Browsers refuse keepalive requests whose bodies exceed 64 KiB in total; stay clearly below. */
export const KEEPALIVE_BODY_LIMIT = 60_000;

const DEFAULT_TIMEOUT_MS = 30_000;

/** The API answers 413 above this; a larger body is refused here, before it is sent, with the same reason. */
const MAX_REQUEST_BODY_BYTES = 5 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const ErrorBody = z.object({
  error: z.string().optional(),
  issues: z.array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() })).optional(),
});

const SummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  componentCount: z.number().int(),
});
const ListSchema = z.object({ designs: z.array(SummarySchema) });
const CreatedSchema = z.object({ id: z.string(), revision: z.number().int(), document: z.unknown() });
const RecordSchema = z.object({ id: z.string(), name: z.string(), revision: z.number().int(), document: z.unknown(), updatedAt: z.string() });
const RevisionSchema = z.object({ revision: z.number().int() });
const RevisionedSchema = z.object({ revision: z.number().int(), document: z.unknown() });
const VersionSummarySchema = z.object({
  revision: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  componentCount: z.number().int(),
  label: z.string().nullable().default(null),
  changes: ChangeSummarySchema.nullable().catch(null).default(null),
});
const VersionsSchema = z.object({ versions: z.array(VersionSummarySchema) });
const LabelledSchema = z.object({ version: VersionSummarySchema });
const OutlineSchema = z.object({
  outline: z.array(
    z.object({
      title: z.string(),
      summary: z.string(),
      entries: z.array(z.object({ mark: z.enum(["+", "−", "~"]), text: z.string(), details: z.array(z.string()) })),
    }),
  ),
});

class UnexpectedResponse extends Error {}

function issuePath(path: string | (string | number)[]): string {
  return Array.isArray(path) ? path.map(String).join(".") : path;
}

/** Documents from the server are parsed like any other input: the editor never trusts a shape it did not check. */
function checkedDocument(document: unknown): Design {
  const parsed = parseDesign(document);
  if (!parsed.success) throw new UnexpectedResponse("The server sent a design this editor cannot read");
  return parsed.design;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failureFor(status: number, body: unknown): ApiFailure {
  const parsed = ErrorBody.safeParse(body);
  const error = parsed.success && parsed.data.error ? parsed.data.error : `The server answered ${status}`;
  if (status === 400 || status === 422) {
    const issues = parsed.success && parsed.data.issues ? parsed.data.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })) : [];
    return { kind: "invalid", status, error, issues };
  }
  if (status === 404) return { kind: "not-found", error };
  if (status === 413) return { kind: "too-large", error };
  if (status === 409) {
    const current = z.object({ current: RevisionedSchema }).safeParse(body);
    if (current.success) {
      try {
        return { kind: "conflict", error, current: { revision: current.data.current.revision, document: checkedDocument(current.data.current.document) } };
      } catch (unexpected) {
        return { kind: "server", status, error: (unexpected as Error).message };
      }
    }
    return { kind: "server", status, error: "The server reported a conflict without the current design" };
  }
  return { kind: "server", status, error };
}

export interface DesignsApiOptions {
  fetch?: typeof fetch;
  /** Prefix before /api/designs; empty for same-origin requests from the browser. */
  baseUrl?: string;
  /** A request that hangs longer than this counts as a network failure, so a save queue never stalls. */
  timeoutMs?: number;
}

export interface SaveOptions {
  /** Let the request outlive the page (pagehide); only honoured for small bodies, see KEEPALIVE_BODY_LIMIT. */
  keepalive?: boolean;
}

export type DesignsApi = ReturnType<typeof createDesignsApi>;

/** Typed wrappers for the designs REST API; see app/api/designs. */
export function createDesignsApi(options: DesignsApiOptions = {}) {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? "";
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(method: string, path: string, body: unknown, read: (json: unknown) => T, requestOptions: SaveOptions = {}): Promise<ApiResult<T>> {
    const init: RequestInit = { method, headers: { accept: "application/json" } };
    if (body !== undefined) {
      const text = JSON.stringify(body);
      const bytes = new TextEncoder().encode(text).byteLength;
      if (bytes > MAX_REQUEST_BODY_BYTES) {
        return {
          kind: "too-large",
          error: `This design is ${megabytes(bytes)} even without its default settings; the server accepts at most ${megabytes(MAX_REQUEST_BODY_BYTES)}. Split it into smaller designs.`,
        };
      }
      init.body = text;
      init.headers = { accept: "application/json", "content-type": "application/json" };
      if (requestOptions.keepalive && text.length <= KEEPALIVE_BODY_LIMIT) init.keepalive = true;
    }
    if (typeof AbortSignal !== "undefined" && typeof AbortSignal.timeout === "function") init.signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, init);
    } catch (error) {
      return { kind: "network", error: error instanceof Error && error.message ? error.message : "The server cannot be reached" };
    }
    let json: unknown;
    try {
      json = await readJson(response);
    } catch (error) {
      return { kind: "network", error: error instanceof Error && error.message ? error.message : "The response was cut off" };
    }
    if (!response.ok) return failureFor(response.status, json);
    try {
      return { kind: "ok", value: read(json) };
    } catch (error) {
      const message = error instanceof UnexpectedResponse ? error.message : "The server sent an unexpected response";
      return { kind: "server", status: response.status, error: message };
    }
  }

  function parseWith<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new UnexpectedResponse("The server sent an unexpected response");
    return parsed.data;
  }

  const readCreated = (json: unknown): CreatedDesign => {
    const created = parseWith(CreatedSchema, json);
    return { id: created.id, revision: created.revision, document: checkedDocument(created.document) };
  };
  const readRevisioned = (json: unknown): RevisionedDocument => {
    const revisioned = parseWith(RevisionedSchema, json);
    return { revision: revisioned.revision, document: checkedDocument(revisioned.document) };
  };
  const designPath = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

  return {
    listDesigns: () => request("GET", "/api/designs", undefined, (json) => parseWith(ListSchema, json).designs as DesignSummary[]),
    createDesign: (name: string) => request("POST", "/api/designs", { name }, readCreated),
    // Documents travel in their minimal form (defaults left out) so that large designs fit the API's 5 MB limit.
    importDesign: (document: Design) => request("POST", "/api/designs", { document: minimizeDesign(document) }, readCreated),
    duplicateDesign: (id: string) => request("POST", "/api/designs", { duplicateOf: id }, readCreated),
    getDesign: (id: string) =>
      request("GET", designPath(id), undefined, (json): DesignRecord => {
        const record = parseWith(RecordSchema, json);
        return { id: record.id, name: record.name, revision: record.revision, updatedAt: record.updatedAt, document: checkedDocument(record.document) };
      }),
    saveDesign: (id: string, baseRevision: number, document: Design, saveOptions: SaveOptions = {}) =>
      request("PUT", designPath(id), { baseRevision, document: minimizeDesign(document) }, (json) => parseWith(RevisionSchema, json), saveOptions),
    renameDesign: (id: string, name: string) => request("PATCH", designPath(id), { name }, readRevisioned),
    deleteDesign: (id: string) => request("DELETE", designPath(id), undefined, (): null => null),
    listVersions: (id: string) => request("GET", `${designPath(id)}/versions`, undefined, (json) => parseWith(VersionsSchema, json).versions as VersionSummary[]),
    getVersion: (id: string, revision: number) => request("GET", `${designPath(id)}/versions/${revision}`, undefined, readRevisioned),
    labelVersion: (id: string, revision: number, label: string | null) =>
      request("PATCH", `${designPath(id)}/versions/${revision}`, { label }, (json): VersionSummary => parseWith(LabelledSchema, json).version),
    compareVersions: (id: string, revision: number, other: number) =>
      request("GET", `${designPath(id)}/versions/${revision}/diff/${other}`, undefined, (json): DiffSection[] => parseWith(OutlineSchema, json).outline),
    restoreVersion: (id: string, revision: number, baseRevision: number) =>
      request("POST", `${designPath(id)}/versions/${revision}/restore`, { baseRevision }, readRevisioned),
  };
}
