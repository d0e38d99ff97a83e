import { minimizeDesign, type Design } from "@/lib/model";
import type { PracticeSessionRecord, PracticeSessionSummary } from "@/lib/db/practice-sessions";
import type { DrillRun, PracticeEventInput } from "@/lib/practice";

/** A repository record as JSON carries it: dates travel as ISO strings. */
type OverTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A practice session as the API sends it. */
export type PracticeSessionView = OverTheWire<PracticeSessionRecord>;
export type PracticeSessionSummaryView = OverTheWire<PracticeSessionSummary>;

/** A refusal from the API, with its HTTP status so callers can tell a conflict (409) from other failures. */
export class PracticeApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "PracticeApiError";
    this.status = status;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  // A 204 (a deletion) has no body; an empty object stands for it.
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new PracticeApiError(response.status, body.error ?? `The server answered ${response.status}`);
  return body as T;
}

export const practiceApi = {
  start: (scenarioId: string, durationMinutes: number) =>
    call<{ session: PracticeSessionView }>("/api/practice/sessions", { method: "POST", body: JSON.stringify({ scenarioId, durationMinutes }) }),
  get: (id: string) => call<{ session: PracticeSessionView }>(`/api/practice/sessions/${encodeURIComponent(id)}`),
  list: () => call<{ sessions: PracticeSessionSummaryView[] }>("/api/practice/sessions"),
  send: (id: string, event: PracticeEventInput) =>
    call<{ session: PracticeSessionView; drillRun?: DrillRun }>(`/api/practice/sessions/${encodeURIComponent(id)}/events`, { method: "POST", body: JSON.stringify(event) }),
  /** Deletes the session and its design. */
  remove: (id: string) => call<Record<string, never>>(`/api/practice/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** Opens a copy of a design (the reference answer) as a new saved design, sent in minimal form like every save. */
  importDesign: (document: Design) => call<{ id: string }>("/api/designs", { method: "POST", body: JSON.stringify({ document: minimizeDesign(document) }) }),
};
