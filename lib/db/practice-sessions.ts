import { buildReport, initialState, PracticeStateSchema, scenarioById, applyEvent, type DrillRun, type PracticeEvent, type PracticeReport, type PracticeState, type Scenario } from "@/lib/practice";
import { createEmptyDesign, type Design } from "@/lib/model";
import { getDb } from "./client";
import { createDesign, deleteDesign, newRecordId } from "./designs";

/**
 * The practice-session repository: the only module that talks to Prisma about practice sessions. A session owns a
 * real design (created through the designs repository) so the editor and its autosave work unchanged.
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

export interface PracticeSessionSummary {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Scenario["difficulty"];
  stageId: string;
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
  const state = JSON.stringify(initialState(scenario, now.toISOString()));
  const db = await getDb();
  const design = await createDesign(createEmptyDesign(`Practice: ${scenario.title}`));
  const row = await db.practiceSession.create({ data: { id: newRecordId(), scenarioId, designId: design.id, durationMinutes, state, startedAt: now } }).catch(async (error: unknown) => {
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

/** Newest first, finished or not; for the history page. */
export async function listPracticeSessions(): Promise<PracticeSessionSummary[]> {
  const db = await getDb();
  const rows = await db.practiceSession.findMany({ orderBy: [{ startedAt: "desc" }, { id: "asc" }] });
  return rows.map((row) => {
    const session = record(row);
    const scenario = scenarioById(session.scenarioId);
    return {
      id: session.id,
      scenarioId: session.scenarioId,
      scenarioTitle: scenario?.title ?? session.scenarioId,
      difficulty: scenario?.difficulty ?? "medium",
      stageId: session.state.stageId,
      scorePercent: session.scorePercent,
      startedAt: session.startedAt,
      finishedAt: session.finishedAt,
    };
  });
}

/**
 * Reads the session, computes its next version and writes it only if nobody wrote in between (revision check);
 * on a race, starts over from the fresh row, so concurrent events are never lost.
 */
async function update<T>(
  id: string,
  change: (session: PracticeSessionRecord, scenario: Scenario) => { data: { state: PracticeState; report?: PracticeReport; finishedAt?: Date }; result: T },
): Promise<{ session: PracticeSessionRecord; result: T } | null> {
  const db = await getDb();
  for (let attempt = 1; ; attempt += 1) {
    const session = await getPracticeSession(id);
    if (!session) return null;
    if (session.finishedAt) throw new SessionFinishedError();
    const { data, result } = change(session, scenarioOf(session.scenarioId));
    const { count } = await db.practiceSession.updateMany({
      where: { id, revision: session.revision },
      data: {
        revision: session.revision + 1,
        state: JSON.stringify(data.state),
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
export async function recordPracticeEvent(id: string, event: PracticeEvent, now = new Date()): Promise<{ session: PracticeSessionRecord; drillRun?: DrillRun } | null> {
  const updated = await update(id, (session, scenario) => {
    const { state, drillRun } = applyEvent(scenario, session.state, event, now.toISOString());
    return { data: { state }, result: drillRun };
  });
  return updated && { session: updated.session, ...(updated.result ? { drillRun: updated.result } : {}) };
}

/** Scores the final design, keeps it as the last snapshot and closes the session. */
export async function finishPracticeSession(id: string, design: Design, now = new Date()): Promise<PracticeSessionRecord | null> {
  const updated = await update(id, (session, scenario) => {
    const at = now.toISOString();
    const state: PracticeState = {
      ...session.state,
      snapshots: [...session.state.snapshots, { phase: session.state.phase, stageId: session.state.stageId, at, design }],
    };
    const report = buildReport(scenario, state, design, { startedAt: session.startedAt, finishedAt: now, durationMinutes: session.durationMinutes });
    const finished = { ...state, timeline: [...state.timeline, { at, kind: "finish", message: `Finished with ${report.total.earned} of ${report.total.max} points (${report.total.percent} %).` }] };
    return { data: { state: finished, report, finishedAt: now }, result: undefined };
  });
  return updated && updated.session;
}
