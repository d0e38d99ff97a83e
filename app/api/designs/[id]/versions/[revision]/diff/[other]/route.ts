import { getDesignVersion } from "@/lib/db/designs";
import { HttpError, json, notFound, revisionParam, route, type RouteParams } from "@/lib/http/api";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";

export const runtime = "nodejs";

const MAX_SPIKE = 1000;

/** `?spike=N`: the load multiplier the two simulations share, 1 when absent. */
function spikeParam(query: URLSearchParams): number {
  const text = query.get("spike");
  if (text === null) return 1;
  const value = Number(text);
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(text) || value > MAX_SPIKE) throw new HttpError(400, `"spike" must be a number from 0 to ${MAX_SPIKE}`, [{ path: "spike", message: `Got "${text}"` }]);
  return value;
}

/**
 * What changed from revision `revision` to revision `other` of a design (the same body as `archway diff --json`):
 * components, connections and zones added, removed, renamed and changed with each setting's old and new value,
 * findings that appear and disappear, and the simulation at `?spike=N` times the configured load; `outline` is the
 * same as sections of entries, as the Versions panel and `archway diff` show it. Computed in a worker
 * thread; 404 for an unknown design or revision, 400 for a bad spike, 503 past the job's time limit.
 */
export const GET = route(
  withJobLimits(async (request, { params }: RouteParams<"id" | "revision" | "other">) => {
    const { id, revision, other } = await params;
    const loadMultiplier = spikeParam(new URL(request.url).searchParams);
    const [before, after] = await Promise.all([getDesignVersion(id, revisionParam(revision)), getDesignVersion(id, revisionParam(other))]);
    if (!before) throw notFound(`Revision ${revision} of design ${id}`);
    if (!after) throw notFound(`Revision ${other} of design ${id}`);
    const { diff, outline } = await jobPool().run("diff", { before: before.document, after: after.document, loadMultiplier });
    return json({ from: before.revision, to: after.revision, diff, outline });
  }),
);
