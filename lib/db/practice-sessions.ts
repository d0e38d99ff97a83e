import {
  applyEvent,
  finishState,
  initialState,
  PracticeStateSchema,
  scenarioById,
  type DrillRun,
  type PracticeEvent,
  type PracticeReport,
  type PracticeState,
  type Scenario,
} from "@/lib/practice";
import { createEmptyDesign, minimizeDesign, type Design, type DesignInput } from "@/lib/model";
import { getDb } from "./client";
import { createDesign, deleteDesign, newRecordId } from "./designs";

/**
 * The practice-session repository: the only module that talks to Prisma about practice sessions. A session owns a
 * real design (created through the designs repository) so the editor and its autosave work unchanged.
 * The state is stored with its design snapshots in minimal form, and its phase and stage are copied into columns
 * so that the list never loads a state.
 */

export interface PracticeSessionRecord {
  id: string;
  scenarioId: string;
  designId: string | null;
  durationMinutes: number;
  revision: number;
  state: PracticeState;
  report: PracticeReport | null;
  scorePercent: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/**
 * A session as the API sends it: snapshot designs in their minimal form, as they are stored, so that an answer
 * stays a fraction of the expanded size; clients expand them with parseDesign.
 */
export interface PracticeSessionOnTheWire extends Omit<PracticeSessionRecord, "state"> {
  state: Omit<PracticeState, "snapshots"> & { snapshots: (Omit<PracticeState["snapshots"][number], "design"> & { design: DesignInput })[] };
}

/** The state with its snapshot designs in minimal form: how it is stored and sent. */
function withMinimalSnapshots(state: PracticeState): PracticeSessionOnTheWire["state"] {
  return { ...state, snapshots: state.snapshots.map((snapshot) => ({ ...snapshot, design: minimizeDesign(snapshot.design) })) };
}

export function sessionOnTheWire(session: PracticeSessionRecord): PracticeSessionOnTheWire {
  return { ...session, state: withMinimalSnapshots(session.state) };
}

export interface PracticeSessionSummary {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Scenario["difficulty"];
  /** Null only for a session stored before these columns whose state could not be read. */
  phase: string | null;
  stageId: string | null;
  scorePercent: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export class UnknownScenarioError extends Error {
  constructor(id: string) {
    super(`No practice scenario "${id}"`);
    this.name = "UnknownScenarioError";
  }
}

export class SessionFinishedError extends Error {
  constructor() {
    super("This practice session is finished; start a new one to practise again");
    this.name = "SessionFinishedError";
  }
}

/** Other writers kept winning the revision race, so the event was not recorded; the caller should reload and retry. */
export class PracticeSessionConflictError extends Error {
  constructor(id: string) {
    super(`Practice session ${id} kept changing while this step was being recorded (is it open in another tab?); the step was not recorded, try it again`);
    this.name = "PracticeSessionConflictError";
  }
}

type Row = {
  id: string;
  scenarioId: string;
  designId: string | null;
  durationMinutes: number;
  revision: number;
  state: string;
  report: string | null;
  scorePercent: number | null;
  startedAt: Date;
  finishedAt: Date | null;
};

function record(row: Row): PracticeSessionRecord {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    designId: row.designId,
    durationMinutes: row.durationMinutes,
    revision: row.revision,
    state: PracticeStateSchema.parse(JSON.parse(row.state)),
    report: row.report === null ? null : (JSON.parse(row.report) as PracticeReport),
    scorePercent: row.scorePercent,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** The columns written for a state: the JSON with minimal snapshots, and the summary the list reads. */
function storedState(state: PracticeState): { state: string; phase: string; stageId: string } {
  return { state: JSON.stringify(withMinimalSnapshots(state)), phase: state.phase, stageId: state.stageId };
}

function scenarioOf(id: string): Scenario {
  const scenario = scenarioById(id);
  if (!scenario) throw new UnknownScenarioError(id);
  return scenario;
}

const MAX_ATTEMPTS = 5;

/**
 * Starts a session on a new blank design named after the scenario. The designs repository writes the design in a
 * transaction of its own, so when storing the session fails the design is deleted again: no orphan "Practice: …"
 * design is left behind.
 */
export async function createPracticeSession(scenarioId: string, durationMinutes: number, now = new Date()): Promise<PracticeSessionRecord> {
  const scenario = scenarioOf(scenarioId);
  const stored = storedState(initialState(scenario, now.toISOString()));
  const db = await getDb();
  const design = await createDesign(createEmptyDesign(`Practice: ${scenario.title}`), now);
  const row = await db.practiceSession.create({ data: { id: newRecordId(), scenarioId, designId: design.id, durationMinutes, ...stored, startedAt: now } }).catch(async (error: unknown) => {
    // The failure to store the session is what the caller needs to hear about, even if the clean-up fails too.
    await deleteDesign(design.id).catch(() => false);
    throw error;
  });
  return record(row);
}

export async function getPracticeSession(id: string): Promise<PracticeSessionRecord | null> {
  const db = await getDb();
  const row = await db.practiceSession.findUnique({ where: { id } });
  return row ? record(row) : null;
}

/** Newest first, finished or not; for the history page. Reads summary columns only, never a session's state. */
export async function listPracticeSessions(): Promise<PracticeSessionSummary[]> {
  const db = await getDb();
  const rows = await db.practiceSession.findMany({
    select: { id: true, scenarioId: true, phase: true, stageId: true, scorePercent: true, startedAt: true, finishedAt: true },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const scenario = scenarioById(row.scenarioId);
    return {
      id: row.id,
      scenarioId: row.scenarioId,
      scenarioTitle: scenario?.title ?? row.scenarioId,
      difficulty: scenario?.difficulty ?? "medium",
      phase: row.phase,
      stageId: row.stageId,
      scorePercent: row.scorePercent,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  });
}

/**
 * Deletes the session and the design it owns (a session's design exists for that session; it would otherwise be
 * left behind as an orphan "Practice: …" design). False when there was no such session.
 */
export async function deletePracticeSession(id: string): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const session = await tx.practiceSession.findUnique({ where: { id }, select: { designId: true } });
    if (!session) return false;
    const { count } = await tx.practiceSession.deleteMany({ where: { id } });
    if (session.designId !== null) await tx.design.deleteMany({ where: { id: session.designId } });
    return count > 0;
  });
}

/**
 * How a session's next state is computed. Applying a drill or scoring a design runs the simulation and every rule,
 * so the server hands these to its worker pool (lib/server/practice-steps.ts); by default they run in this thread.
 */
export interface PracticeSteps {
  apply(scenarioId: string, state: PracticeState, event: PracticeEvent, at: string): Promise<{ state: PracticeState; drillRun?: DrillRun }>;
  finish(
    scenarioId: string,
    state: PracticeState,
    design: Design,
    timing: { startedAt: Date; finishedAt: Date; durationMinutes: number },
  ): Promise<{ state: PracticeState; report: PracticeReport }>;
}

export const IN_THREAD_STEPS: PracticeSteps = {
  apply: async (scenarioId, state, event, at) => applyEvent(scenarioOf(scenarioId), state, event, at),
  finish: async (scenarioId, state, design, timing) => finishState(scenarioOf(scenarioId), state, design, timing),
};

/**
 * Reads the session, computes its next version and writes it only if nobody wrote in between (revision check);
 * on a race, starts over from the fresh row, so concurrent events are never lost.
 */
async function update<T>(
  id: string,
  change: (session: PracticeSessionRecord) => Promise<{ data: { state: PracticeState; report?: PracticeReport; finishedAt?: Date }; result: T }>,
): Promise<{ session: PracticeSessionRecord; result: T } | null> {
  const db = await getDb();
  for (let attempt = 1; ; attempt += 1) {
    const session = await getPracticeSession(id);
    if (!session) return null;
    if (session.finishedAt) throw new SessionFinishedError();
    // A session of an unknown scenario is refused here, before any work is handed to a worker.
    scenarioOf(session.scenarioId);
    const { data, result } = await change(session);
    const { count } = await db.practiceSession.updateMany({
      where: { id, revision: session.revision },
      data: {
        revision: session.revision + 1,
        ...storedState(data.state),
        ...(data.report ? { report: JSON.stringify(data.report), scorePercent: data.report.total.percent } : {}),
        ...(data.finishedAt ? { finishedAt: data.finishedAt } : {}),
        updatedAt: new Date(),
      },
    });
    if (count === 1) return { session: (await getPracticeSession(id)) as PracticeSessionRecord, result };
    if (attempt === MAX_ATTEMPTS) throw new PracticeSessionConflictError(id);
  }
}

/** Applies one event; null when the session does not exist. Throws PracticeEventError for an event the scenario does not allow. */
export async function recordPracticeEvent(
  id: string,
  event: PracticeEvent,
  now = new Date(),
  steps: PracticeSteps = IN_THREAD_STEPS,
): Promise<{ session: PracticeSessionRecord; drillRun?: DrillRun } | null> {
  const updated = await update(id, async (session) => {
    const { state, drillRun } = await steps.apply(session.scenarioId, session.state, event, now.toISOString());
    return { data: { state }, result: drillRun };
  });
  return updated && { session: updated.session, ...(updated.result ? { drillRun: updated.result } : {}) };
}

/** Scores the final design, keeps it as the last snapshot and closes the session. */
export async function finishPracticeSession(id: string, design: Design, now = new Date(), steps: PracticeSteps = IN_THREAD_STEPS): Promise<PracticeSessionRecord | null> {
  const updated = await update(id, async (session) => {
    const timing = { startedAt: session.startedAt, finishedAt: now, durationMinutes: session.durationMinutes };
    const { state, report } = await steps.finish(session.scenarioId, session.state, design, timing);
    return { data: { state, report, finishedAt: now }, result: undefined };
  });
  return updated && updated.session;
}
