import type { z } from "zod";
import { InvalidDesignError, type WriteResult } from "@/lib/db/designs";
import { issuesFromZod, minimizeDesign, type Design, type DesignIssue } from "@/lib/model";

/**
 * Shared plumbing of the route handlers: read and parse bodies defensively, turn failures into JSON errors.
 * Every error body is `{ error, issues? }`; `issues[].path` is a dotted path into the request body ("" = the body).
 */

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class HttpError extends Error {
  readonly status: number;
  readonly issues?: DesignIssue[];

  constructor(status: number, message: string, issues?: DesignIssue[]) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.issues = issues;
  }
}

/** Route context of a dynamic segment; Next 15+ passes params as a promise. */
export interface RouteParams<K extends string> {
  params: Promise<Record<K, string>>;
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function tooLarge(): HttpError {
  return new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
}

/**
 * `application/json`, optionally with parameters (charset). Anything else is refused: a cross-site `text/plain`
 * form or no-cors fetch cannot send this type, so requiring it keeps other web pages from posting JSON here.
 */
function requireJsonContentType(request: Request): void {
  const type = request.headers.get("content-type");
  const mediaType = type?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new HttpError(415, `Request body must be sent as Content-Type: application/json${type ? `, not ${type}` : ""}`);
  }
}

/**
 * The body's bytes, read at most MAX_BODY_BYTES far. Content-Length is checked first but not trusted: the bytes are
 * counted as they stream in, and reading stops as soon as the limit is passed.
 */
export async function readBodyBytes(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks, received);
}

/** The body as JSON, read as readBodyBytes does, only when it is declared as application/json (else 415). */
export async function readJsonBody(request: Request): Promise<unknown> {
  requireJsonContentType(request);
  const bytes = await readBodyBytes(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "Request body is not valid UTF-8", [{ path: "", message: "The body must be UTF-8 encoded JSON" }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "Request body is not valid JSON", [{ path: "", message: (error as Error).message }]);
  }
}

/** Validates a request envelope (the fields around a design document); every failing path is reported. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(422, "Request body does not have the expected shape", issuesFromZod(result.error));
  return result.data;
}

/** Runs a repository call whose document came from body field `field`, so issue paths point into the body. */
export async function documentAt<T>(field: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof InvalidDesignError)) throw error;
    throw new InvalidDesignError(error.issues.map((issue) => ({ ...issue, path: issue.path ? `${field}.${issue.path}` : field })));
  }
}

/** A revision in a URL: a positive integer, else the version cannot exist. */
export function revisionParam(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new HttpError(404, `No revision "${text}"`);
  return Number(text);
}

export function notFound(what: string): HttpError {
  return new HttpError(404, `${what} not found`);
}

/**
 * A record as it goes out: its design document in minimal form, as stored. Whatever the server hands out can be
 * sent back under the body limit (a large design's expanded form is about four times the size), and every reader
 * gets the defaults back by parsing it.
 */
export function onTheWire<T extends { document: Design }>(record: T): Omit<T, "document"> & { document: ReturnType<typeof minimizeDesign> } {
  return { ...record, document: minimizeDesign(record.document) };
}

/**
 * 200 with `body(result)` when saved, 409 with the current revision and document on a conflict (the client's base
 * revision is stale), 404 naming `missing` otherwise.
 */
export function writeResponse(result: WriteResult, missing: string, body: (saved: Extract<WriteResult, { status: "saved" }>) => unknown): Response {
  switch (result.status) {
    case "saved":
      return json(body(result));
    case "conflict":
      return json(
        {
          error: `The design was changed elsewhere and is now at revision ${result.current.revision}. Reload or merge, then try again.`,
          current: onTheWire(result.current),
        },
        409,
      );
    case "not-found":
      throw notFound(missing);
  }
}

function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json(error.issues ? { error: error.message, issues: error.issues } : { error: error.message }, error.status);
  if (error instanceof InvalidDesignError) return json({ error: "The design document is invalid", issues: error.issues }, 422);
  console.error(error);
  return json({ error: "Internal server error" }, 500);
}

/** Wraps a route handler so that every failure becomes a JSON error response instead of a crash. */
export function route<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
