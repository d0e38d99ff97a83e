import { z } from "zod";
import { IMPORT_FORMATS } from "@/lib/import";
import { HttpError, json, parseBody, readBodyBytes, readJsonBody, route } from "@/lib/http/api";
import { issuesFromZod } from "@/lib/model";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";
import type { UploadedFile } from "@/lib/server/jobs";

export const runtime = "nodejs";

const Options = z.object({
  from: z.enum(IMPORT_FORMATS).optional().describe("The format; detected from the files when absent."),
  name: z.string().trim().min(1).max(200).optional().describe("Name of the design to make."),
});
const JsonBody = Options.extend({
  files: z
    .array(z.object({ path: z.string().min(1).max(1000), text: z.string() }).strict())
    .min(1, "Send at least one file")
    .max(2000)
    .describe("The files to read, by path relative to what the person chose."),
}).strict();

async function uploadedFiles(request: Request): Promise<{ files: UploadedFile[]; from?: (typeof IMPORT_FORMATS)[number]; name?: string }> {
  const mediaType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (mediaType === "application/json") return parseBody(JsonBody, await readJsonBody(request));
  if (mediaType !== "multipart/form-data") throw new HttpError(415, "Send the files as multipart/form-data (field files) or as application/json ({ files: [{ path, text }] })");
  const bytes = await readBodyBytes(request);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new HttpError(400, "The multipart body cannot be read");
  }
  const files = await Promise.all(
    form.getAll("files").map(async (entry, index): Promise<UploadedFile> => {
      if (typeof entry === "string") throw new HttpError(422, "Every files field must be a file", [{ path: `files.${index}`, message: "Expected a file" }]);
      return { path: entry.name || `file-${index + 1}`, bytes: new Uint8Array(await entry.arrayBuffer()) };
    }),
  );
  if (files.length === 0) throw new HttpError(422, "Send at least one file", [{ path: "files", message: "Required" }]);
  const options = Options.safeParse({ from: form.get("from") ?? undefined, name: form.get("name") ?? undefined });
  if (!options.success) throw new HttpError(422, "Request body does not have the expected shape", issuesFromZod(options.error));
  return { files, ...options.data };
}

/**
 * Reads Terraform, Kubernetes, docker-compose or Mermaid files into a design, without storing it: the answer is a
 * preview `{ format, design, unmapped }` that the client creates with POST /api/designs once the person confirms.
 * Files come as multipart/form-data (field `files`, zips allowed; `from`, `name`) or JSON `{ files: [{ path, text }] }`.
 * Bodies over 5 MB → 413; files nothing can read, hostile zips or YAML → 422 with each file's reason; runs in a worker thread.
 */
export const POST = route(
  withJobLimits(async (request: Request) => {
    const input = await uploadedFiles(request);
    const answer = await jobPool().run("import", input);
    if (answer.status === "refused") {
      throw new HttpError(422, answer.message, answer.problems.map((problem) => ({ path: problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`, message: problem.message })));
    }
    return json(answer.result);
  }),
);
