import { expect } from "vitest";
import { minimizeDesign, parseDesign, type Design } from "@/lib/model";

/**
 * Calling route handlers directly with real Request objects: no server, the same code path as Next. Answers carry
 * design documents in minimal form; `readResult` checks that and hands tests the expanded design a client gets by
 * parsing, so assertions compare whole designs.
 */

export const ORIGIN = "http://archway.test";

export interface Result {
  status: number;
  body: any;
}

export function jsonRequest(method: string, path: string, body?: unknown): Request {
  return body === undefined
    ? new Request(`${ORIGIN}${path}`, { method })
    : new Request(`${ORIGIN}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export const context = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

function expandWireDocument(holder: { document?: unknown } | undefined): void {
  if (!holder || holder.document === undefined) return;
  const parsed = parseDesign(holder.document);
  if (!parsed.success) throw new Error(`The answer's document does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  expect(holder.document, "answers carry the minimal form").toEqual(minimizeDesign(parsed.design));
  holder.document = parsed.design satisfies Design;
}

export async function readResult(response: Response): Promise<Result> {
  const text = await response.text();
  const body = text === "" ? null : JSON.parse(text);
  if (body && typeof body === "object") {
    expandWireDocument(body);
    expandWireDocument(body.current);
  }
  return { status: response.status, body };
}
