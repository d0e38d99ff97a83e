import { z } from "zod";
import { HttpError, json, readJsonBody, route } from "@/lib/http/api";
import { issuesFromZod } from "@/lib/model";
import { withJobLimits } from "@/lib/server/job-errors";
import { jobPool } from "@/lib/server/job-pool";
import { SimulationOptionsSchema } from "@/lib/simulation";

export const runtime = "nodejs";

const BodySchema = z.object({ design: z.unknown().optional() }).extend(SimulationOptionsSchema.shape).strict();

/**
 * Simulate traffic and failure drills on a design, in a worker thread. Body `{ design, entryLoads?, failures?,
 * loadMultiplier? }`; 200 with the simulation result; 400 `{ error, issues: [{ path, message }] }` when the body is
 * not JSON, the design is invalid, or the options name components or zones the design does not have; 413 above
 * 5 MB or above the job's memory limit; 503 past the job's time limit or when the server is busy.
 */
export const POST = route(
  withJobLimits(async (request: Request) => {
    const body = BodySchema.safeParse(await readJsonBody(request));
    if (!body.success) throw new HttpError(400, "Expected { design, entryLoads?, failures?, loadMultiplier? }", issuesFromZod(body.error));
    if (body.data.design === undefined) throw new HttpError(400, "The body has no design", [{ path: "design", message: "Required: the design document to simulate" }]);
    const { design, entryLoads, failures, loadMultiplier } = body.data;
    const outcome = await jobPool().run("simulate", { document: design, options: { entryLoads, failures, loadMultiplier } });
    if (outcome.status === "invalid-design") {
      throw new HttpError(400, "The design document is invalid", outcome.issues.map((issue) => ({ ...issue, path: issue.path ? `design.${issue.path}` : "design" })));
    }
    if (outcome.status === "invalid-options") throw new HttpError(400, "The options do not match the design", outcome.issues);
    return json(outcome.result);
  }),
);
