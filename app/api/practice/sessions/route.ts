import { z } from "zod";
import { createPracticeSession, listPracticeSessions, sessionOnTheWire } from "@/lib/db/practice-sessions";
import { json, parseBody, readJsonBody, route } from "@/lib/http/api";
import { DEFAULT_DURATION_MINUTES } from "@/lib/practice";
import { practiceErrors } from "../practice-errors";

export const runtime = "nodejs";

const CreateBody = z.object({
  scenarioId: z.string().min(1).describe("Id of a scenario in the bank."),
  durationMinutes: z.number().int().min(5).max(180).default(DEFAULT_DURATION_MINUTES).describe("Length of the interview: 45 minutes by default."),
});

export const GET = route(async () => json({ sessions: await listPracticeSessions() }));

export const POST = route(async (request) => {
  const body = parseBody(CreateBody, await readJsonBody(request));
  const session = await practiceErrors(() => createPracticeSession(body.scenarioId, body.durationMinutes));
  return json({ session: sessionOnTheWire(session) }, 201);
});
