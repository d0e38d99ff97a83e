import { HttpError, json, readJsonBody, route } from "@/lib/http/api";
import { parseDesign } from "@/lib/model";
import { runRules } from "@/lib/rules/run-rules";

export const runtime = "nodejs";

/**
 * Check a design document against every rule. 200 `{ findings, scores }`; 400 when the body is not JSON,
 * 413 above 5 MB, 422 `{ error, issues: [{ path, message }] }` when it is not a valid design.
 */
export const POST = route(async (request: Request) => {
  const parsed = parseDesign(await readJsonBody(request));
  if (!parsed.success) throw new HttpError(422, "The design document is invalid", parsed.issues);
  return json(runRules(parsed.design));
});
