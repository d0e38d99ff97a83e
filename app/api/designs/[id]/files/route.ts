import { getDesign } from "@/lib/db/designs";
import { GENERATOR_TARGETS, isGeneratorTarget, type GeneratedFile } from "@/lib/generators";
import { fileBytes } from "@/lib/generators/file-contents";
import { HttpError, json, notFound, route, type RouteParams } from "@/lib/http/api";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";
import { MAX_FILE_ANSWER_BYTES, type FilesTarget } from "@/lib/server/jobs";

export const runtime = "nodejs";

const DEFAULT_FILES_PAGE = 100;
const MAX_FILES_PAGE = 1000;

/** A non-negative whole number from the query, `fallback` when absent; `max` bounds it. */
function countParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d{1,9}$/.test(text) || value < min || value > max) throw new HttpError(400, `"${name}" must be a whole number from ${min} to ${max}`, [{ path: name, message: `Got "${text}"` }]);
  return value;
}

/** Media types of the binary files a target can write, by extension. */
const BINARY_MEDIA_TYPES: Record<string, string> = { png: "image/png" };

/** A binary file (the PNG picture) is answered as itself, not as base64 inside JSON. */
function binaryFile(file: GeneratedFile): Response {
  const extension = file.path.slice(file.path.lastIndexOf(".") + 1).toLowerCase();
  const name = file.path.slice(file.path.lastIndexOf("/") + 1);
  return new Response(fileBytes(file), {
    status: 200,
    headers: {
      "content-type": BINARY_MEDIA_TYPES[extension] ?? "application/octet-stream",
      "content-disposition": `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * The design's generated files, generated in a worker thread and answered in bounded pieces: without `path`, a
 * page of the file index `{ target, total, offset, limit, files: [{ path, size }] }` (sizes in UTF-8 bytes, at most
 * 1,000 entries a page); with `path`, that one file `{ target, file: { path, contents } }`, or for a binary
 * file (target png) its bytes with their media type. 400 for an unknown
 * target or a bad page, 404 for an unknown design or path, 413 for a file above 16 MB or when generation needs more
 * memory than its job limit, 503 when it runs past its time limit.
 */
export const GET = route(
  withJobLimits(async (request, { params }: RouteParams<"id">) => {
    const { id } = await params;
    const query = new URL(request.url).searchParams;
    const target = query.get("target") ?? "all";
    if (target !== "all" && !isGeneratorTarget(target)) {
      throw new HttpError(400, `Unknown target "${target}": use one of ${[...GENERATOR_TARGETS, "all"].join(", ")}`);
    }
    const path = query.get("path");
    const page = path === null ? { offset: countParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER), limit: countParam(query, "limit", DEFAULT_FILES_PAGE, 1, MAX_FILES_PAGE) } : { path };
    const stored = await getDesign(id);
    if (!stored) throw notFound(`Design ${id}`);
    const answer = await jobPool().run("files", { target: target as FilesTarget, design: stored.document, ...page });
    if (answer.kind === "file-too-large") {
      const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;
      throw new HttpError(413, `File "${answer.file.path}" is ${megabytes(answer.file.size)}, more than the ${megabytes(MAX_FILE_ANSWER_BYTES)} one answer carries; export the starter zip for it`);
    }
    if (answer.kind === "file") {
      if (!answer.file) throw notFound(`File "${path}" of target ${target}`);
      if (answer.file.encoding === "base64") return binaryFile(answer.file);
      return json({ target, file: answer.file });
    }
    return json({ target, total: answer.total, ...page, files: answer.files });
  }),
);
