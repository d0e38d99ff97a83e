import { starterZipFileName } from "@/lib/designer/persistence/design-file";
import { getDesign } from "@/lib/db/designs";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { notFound, route, type RouteParams } from "@/lib/http/api";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";
import { streamJob } from "@/lib/server/job-stream";

export const runtime = "nodejs";

/**
 * The design as a zipped starter repository, generated and zipped in a worker thread and streamed as it is
 * written (no Content-Length: the size is known only at the end). The file name comes from the design's name,
 * reduced to `a-z0-9-`. 404 for an unknown design; 413/503 when the job exceeds its memory or time limit before
 * the first bytes.
 */
export const GET = route(
  withJobLimits(async (_request, { params }: RouteParams<"id">) => {
    const { id } = await params;
    const stored = await getDesign(id);
    if (!stored) throw notFound(`Design ${id}`);
    const body = await streamJob(jobPool(), "export", { design: stored.document, archwayVersion: ARCHWAY_VERSION });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${starterZipFileName(stored.document.name)}"`,
        "cache-control": "no-store",
      },
    });
  }),
);
