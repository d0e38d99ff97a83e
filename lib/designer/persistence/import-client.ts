import { z } from "zod";
import { parseDesign, type Design, type DesignIssue } from "@/lib/model";

/** What POST /api/import answers: the design the files describe, not yet stored, and what was not mapped. */
export interface ImportPreview {
  format: string;
  design: Design;
  unmapped: { file: string; line?: number; item: string; reason: string }[];
}

export type ImportPreviewResult = { kind: "ok"; value: ImportPreview } | { kind: "refused"; error: string; issues: DesignIssue[] } | { kind: "failed"; error: string };

const PreviewSchema = z.object({
  format: z.string(),
  design: z.unknown(),
  unmapped: z.array(z.object({ file: z.string(), line: z.number().int().optional(), item: z.string(), reason: z.string() })),
});
const ErrorSchema = z.object({ error: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

/** A file chosen in the browser with the path it had in the folder the person picked. */
export interface ChosenFile {
  path: string;
  file: Blob;
}

/** Files worth sending: what importers read (as the CLI walks folders), leaving out dependency and cache folders. */
const READ_EXTENSIONS = /\.(tf|tf\.json|json|ya?ml|mmd|mermaid|md|zip)$/i;
const SKIPPED_FOLDER = /(^|\/)(\.[^/]*|node_modules|\.terraform|dist|build|vendor)\//;

export function worthSending(path: string): boolean {
  return READ_EXTENSIONS.test(path) && !SKIPPED_FOLDER.test(path);
}

/** Sends the files as multipart/form-data and reads the preview, checking the design like any other input. */
export async function previewImport(files: readonly ChosenFile[], options: { from?: string; name?: string } = {}, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<ImportPreviewResult> {
  const form = new FormData();
  for (const chosen of files) form.append("files", chosen.file, chosen.path);
  if (options.from) form.append("from", options.from);
  if (options.name) form.append("name", options.name);
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl("/api/import", { method: "POST", body: form, headers: { accept: "application/json" } });
    body = await response.json();
  } catch {
    return { kind: "failed", error: "The server cannot be reached. Check your connection and try again." };
  }
  if (!response.ok) {
    const error = ErrorSchema.safeParse(body);
    const message = error.success ? error.data.error : `The server answered ${response.status}`;
    return response.status === 422 || response.status === 413 || response.status === 415
      ? { kind: "refused", error: message, issues: error.success ? (error.data.issues ?? []) : [] }
      : { kind: "failed", error: message };
  }
  const preview = PreviewSchema.safeParse(body);
  const design = preview.success ? parseDesign(preview.data.design) : undefined;
  if (!preview.success || !design?.success) return { kind: "failed", error: "The server sent a preview this page cannot read" };
  return { kind: "ok", value: { format: preview.data.format, design: design.design, unmapped: preview.data.unmapped } };
}
