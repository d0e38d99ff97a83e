import { HttpError, json, readJsonBody, route } from "@/lib/http/api";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";

export const runtime = "nodejs";

/**
 * Check a design document against every rule, in a worker thread. 200 `{ findings, scores, total, omitted }`
 * (bounded by boundFindings: at most 20 per rule and 200 in all, errors first; scores count them all); 400
 * when the body is not JSON, 413 above 5 MB or when the job needs more memory than its limit, 422
 * `{ error, issues: [{ path, message }] }` when it is not a valid design, 503 when the job runs past its time limit or the server is busy (with Retry-After).
 */
export const POST = route(
  withJobLimits(async (request: Request) => {
    const outcome = await jobPool().run("validate", { document: await readJsonBody(request) });
    if (outcome.status !== "ok") throw new HttpError(422, "The design document is invalid", outcome.issues);
    return json(outcome.result);
  }),
);
