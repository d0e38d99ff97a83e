import { deletePracticeSession, getPracticeSession, sessionOnTheWire } from "@/lib/db/practice-sessions";
import { json, noContent, notFound, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const session = await getPracticeSession(id);
  if (!session) throw notFound(`Practice session ${id}`);
  return json({ session: sessionOnTheWire(session) });
});

/** Deletes the session and the design it owns. */
export const DELETE = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  if (!(await deletePracticeSession(id))) throw notFound(`Practice session ${id}`);
  return noContent();
});
