import { minimizeDesign, parseDesign, type Design } from "@/lib/model";
import type { PracticeSessionOnTheWire, PracticeSessionRecord, PracticeSessionSummary } from "@/lib/db/practice-sessions";
import type { DrillRun, PracticeEventInput } from "@/lib/practice";

/** A repository record as JSON carries it: dates travel as ISO strings. */
type OverTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A practice session as the API sends it. */
export type PracticeSessionView = OverTheWire<PracticeSessionRecord>;
export type PracticeSessionSummaryView = OverTheWire<PracticeSessionSummary>;
type SessionOnTheWire = OverTheWire<PracticeSessionOnTheWire>;

/** A refusal from the API, with its HTTP status so callers can tell a conflict (409) from other failures. */
export class PracticeApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "PracticeApiError";
    this.status = status;
  }
}

/**
 * The event as it is sent: a design travels in its minimal form, like every save, so a large one fits the API's
 * body limit. The editor only ever sends the design its store holds, which was parsed when it was loaded.
 */
function onTheWire(event: PracticeEventInput): PracticeEventInput {
  return "design" in event ? { ...event, design: minimizeDesign(event.design as Design) } : event;
}

/** Snapshot designs arrive in minimal form; they are parsed (defaults filled in) like every design the page reads. */
function readSession(session: SessionOnTheWire): PracticeSessionView {
  const snapshots = session.state.snapshots.map((snapshot) => {
    const parsed = parseDesign(snapshot.design);
    if (!parsed.success) throw new PracticeApiError(502, "The server sent a design snapshot this page cannot read");
    return { ...snapshot, design: parsed.design };
  });
  return { ...session, state: { ...session.state, snapshots } };
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  // A 204 (a deletion) has no body; an empty object stands for it.
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new PracticeApiError(response.status, body.error ?? `The server answered ${response.status}`);
  return body as T;
}

export const practiceApi = {
  start: async (scenarioId: string, durationMinutes: number) => {
    const { session } = await call<{ session: SessionOnTheWire }>("/api/practice/sessions", { method: "POST", body: JSON.stringify({ scenarioId, durationMinutes }) });
    return { session: readSession(session) };
  },
  get: async (id: string) => {
    const { session } = await call<{ session: SessionOnTheWire }>(`/api/practice/sessions/${encodeURIComponent(id)}`);
    return { session: readSession(session) };
  },
  list: () => call<{ sessions: PracticeSessionSummaryView[] }>("/api/practice/sessions"),
  send: async (id: string, event: PracticeEventInput) => {
    const { session, drillRun } = await call<{ session: SessionOnTheWire; drillRun?: DrillRun }>(`/api/practice/sessions/${encodeURIComponent(id)}/events`, { method: "POST", body: JSON.stringify(onTheWire(event)) });
    return { session: readSession(session), ...(drillRun ? { drillRun } : {}) };
  },
  /** Deletes the session and its design. */
  remove: (id: string) => call<Record<string, never>>(`/api/practice/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** Opens a copy of a design (the reference answer) as a new saved design, sent in minimal form like every save. */
  importDesign: (document: Design) => call<{ id: string }>("/api/designs", { method: "POST", body: JSON.stringify({ document: minimizeDesign(document) }) }),
};
