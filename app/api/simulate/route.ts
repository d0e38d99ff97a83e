import { z } from "zod";
import { HttpError, json, readJsonBody, route } from "@/lib/http/api";
import { issuesFromZod, parseDesign } from "@/lib/model";
import { SimulationOptionsSchema, optionIssues, simulate } from "@/lib/simulation";

export const runtime = "nodejs";

const BodySchema = z.object({ design: z.unknown().optional() }).extend(SimulationOptionsSchema.shape).strict();

/**
 * Simulate traffic and failure drills on a design. Body `{ design, entryLoads?, failures?, loadMultiplier? }`;
 * 200 with the simulation result; 400 `{ error, issues: [{ path, message }] }` when the body is not JSON, the
 * design is invalid, or the options name components or zones the design does not have; 413 above 5 MB.
 */
export const POST = route(async (request: Request) => {
  const body = BodySchema.safeParse(await readJsonBody(request));
  if (!body.success) throw new HttpError(400, "Expected { design, entryLoads?, failures?, loadMultiplier? }", issuesFromZod(body.error));
  if (body.data.design === undefined) throw new HttpError(400, "The body has no design", [{ path: "design", message: "Required: the design document to simulate" }]);
  const parsed = parseDesign(body.data.design);
  if (!parsed.success) {
    throw new HttpError(400, "The design document is invalid", parsed.issues.map((issue) => ({ ...issue, path: issue.path ? `design.${issue.path}` : "design" })));
  }
  const { entryLoads, failures, loadMultiplier } = body.data;
  const options = { entryLoads, failures, loadMultiplier };
  const issues = optionIssues(parsed.design, options);
  if (issues.length > 0) throw new HttpError(400, "The options do not match the design", issues);
  return json(simulate(parsed.design, options));
});
