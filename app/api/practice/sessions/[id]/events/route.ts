import { finishPracticeSession, recordPracticeEvent, sessionOnTheWire } from "@/lib/db/practice-sessions";
import { HttpError, json, notFound, parseBody, readJsonBody, route, type RouteParams } from "@/lib/http/api";
import { parseDesign, type Design } from "@/lib/model";
import { withJobLimits } from "@/lib/server/job-errors";
import { POOLED_PRACTICE_STEPS } from "@/lib/server/practice-steps";
import { PracticeEventSchema, type PracticeEvent } from "@/lib/practice";
import { practiceErrors } from "../../../practice-errors";

export const runtime = "nodejs";

/** The design sent with an event, validated like any design entering the app; issue paths point into the body. */
function designFrom(value: unknown): Design {
  const result = parseDesign(value);
  if (!result.success) {
    throw new HttpError(422, "The design document is invalid", result.issues.map((issue) => ({ ...issue, path: issue.path ? `design.${issue.path}` : "design" })));
  }
  return result.design;
}

/**
 * One step of a practice session: ask, estimate, move on, take a hint, run a drill, grow the load, or finish.
 * Drills and scoring run in the worker pool, under its limits (413/503 naming the limit).
 */
export const POST = route(
  withJobLimits(async (request: Request, { params }: RouteParams<"id">) => {
    const { id } = await params;
    const body = parseBody(PracticeEventSchema, await readJsonBody(request));
    if (body.type === "finish") {
      const session = await practiceErrors(() => finishPracticeSession(id, designFrom(body.design), new Date(), POOLED_PRACTICE_STEPS));
      if (!session) throw notFound(`Practice session ${id}`);
      return json({ session: sessionOnTheWire(session) });
    }
    const event: PracticeEvent = "design" in body ? ({ ...body, design: designFrom(body.design) } as PracticeEvent) : body;
    const outcome = await practiceErrors(() => recordPracticeEvent(id, event, new Date(), POOLED_PRACTICE_STEPS));
    if (!outcome) throw notFound(`Practice session ${id}`);
    return json({ ...outcome, session: sessionOnTheWire(outcome.session) });
  }),
);
