import Database from "better-sqlite3";
import pg from "pg";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as designRoute from "@/app/api/designs/[id]/route";
import * as eventsRoute from "@/app/api/practice/sessions/[id]/events/route";
import * as sessionRoute from "@/app/api/practice/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/practice/sessions/route";
import { getDb } from "@/lib/db/client";
import { migrate, migrationsDirectory, readMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/url";
import { minimizeDesign, parseDesign, type Design } from "@/lib/model";
import { PRACTICE_STATE_LIMITS, scenarioById } from "@/lib/practice";
import { context, jsonRequest, readResult } from "../helpers/route-calls";
import { BACKENDS, useBackendServer, useFreshDatabase } from "./backends";

/** Practice sessions stay bounded in storage, list without reading state, can be deleted; on both databases. */

const api = {
  list: async () => readResult(await sessionsRoute.GET(jsonRequest("GET", "/api/practice/sessions"), context({}))),
  create: async (body: unknown) => readResult(await sessionsRoute.POST(jsonRequest("POST", "/api/practice/sessions", body), context({}))),
  get: async (id: string) => readResult(await sessionRoute.GET(jsonRequest("GET", `/api/practice/sessions/${id}`), context({ id }))),
  remove: async (id: string) => readResult(await sessionRoute.DELETE(jsonRequest("DELETE", `/api/practice/sessions/${id}`), context({ id }))),
  event: async (id: string, body: unknown) => readResult(await eventsRoute.POST(jsonRequest("POST", `/api/practice/sessions/${id}/events`, body), context({ id }))),
  design: async (id: string) => readResult(await designRoute.GET(jsonRequest("GET", `/api/designs/${id}`), context({ id }))),
};

/** The scenario's reference answer grown to `count` components by repeating its services, as a long session would. */
function grownReference(count: number): Design {
  const reference = scenarioById("url-shortener")!.reference;
  const extra = Array.from({ length: count - reference.components.length }, (_, index) => ({
    id: `extra-service-${index}`,
    kind: "service",
    name: `Extra ${index}`,
    position: { x: index * 10, y: 900 },
  }));
  const parsed = parseDesign({ ...reference, components: [...reference.components, ...extra] });
  if (!parsed.success) throw new Error("grownReference is invalid");
  return parsed.design;
}

async function storedState(id: string): Promise<string> {
  const db = await getDb();
  return (await db.practiceSession.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;
}

describe.each(BACKENDS)("practice storage on $name", (backend) => {
  useFreshDatabase(backend);

  it("keeps the stored state bounded after many events: minimal snapshots, a capped timeline", async () => {
    const { body } = await api.create({ scenarioId: "url-shortener" });
    const id = body.session.id;
    const design = grownReference(1_000);
    for (let step = 1; step <= 150; step += 1) expect((await api.event(id, { type: "estimate", estimate: { peakRps: step } })).status).toBe(200);
    for (let phase = 0; phase < 3; phase += 1) expect((await api.event(id, { type: "advance-phase", design: minimizeDesign(design) })).status).toBe(200);
    for (let stage = 0; stage < 3; stage += 1) expect((await api.event(id, { type: "advance-stage", design: minimizeDesign(design) })).status).toBe(200);
    const finished = await api.event(id, { type: "finish", design: minimizeDesign(design) });
    expect(finished.status).toBe(200);

    const session = (await api.get(id)).body.session;
    expect(session.state.snapshots).toHaveLength(7);
    // Answers carry snapshots as they are stored, in minimal form; parsing expands them to the design sent.
    expect(session.state.snapshots.at(-1).design).toEqual(minimizeDesign(design));
    expect(parseDesign(session.state.snapshots.at(-1).design)).toEqual({ success: true, design });
    expect(JSON.stringify(finished.body).length).toBeLessThan((7 * JSON.stringify(design).length) / 3);
    expect(session.state.timeline).toHaveLength(PRACTICE_STATE_LIMITS.timelineEntries);
    expect(session.state.timeline[1]).toMatchObject({ kind: "collapsed", collapsed: expect.any(Number) });

    const stored = await storedState(id);
    const expandedSnapshots = 7 * JSON.stringify(design).length;
    expect(stored.length).toBeLessThan(expandedSnapshots / 3);
    expect(JSON.parse(stored).snapshots[0].design).toEqual(minimizeDesign(design));
  });

  it("lists sessions from summary columns without reading state, even when a state is corrupt or huge", async () => {
    const { body } = await api.create({ scenarioId: "chat" });
    await api.event(body.session.id, { type: "advance-phase", design: scenarioById("chat")!.reference });
    const db = await getDb();
    const corruptId = "corruptState1";
    const hugeId = "hugeState0001";
    await db.practiceSession.create({ data: { id: corruptId, scenarioId: "chat", durationMinutes: 45, state: "{not json", phase: "design", stageId: "10k" } });
    await db.practiceSession.create({ data: { id: hugeId, scenarioId: "payments", durationMinutes: 45, state: `{"padding":"${"x".repeat(8 * 1024 * 1024)}"`, phase: "clarify", stageId: "1k" } });

    const listed = await api.list();
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.sessions.map((session: { id: string }) => [session.id, session]));
    expect(byId.get(body.session.id)).toMatchObject({ scenarioTitle: "Chat", phase: "estimate", stageId: "1k", scorePercent: null });
    expect(byId.get(corruptId)).toMatchObject({ phase: "design", stageId: "10k" });
    expect(byId.get(hugeId)).toMatchObject({ phase: "clarify", stageId: "1k" });
    expect(JSON.stringify(listed.body).length).toBeLessThan(10_000);
    await api.remove(corruptId);
    await api.remove(hugeId);
  });

  it("deletes a session and its design, and answers 404 for one that is gone", async () => {
    const { body } = await api.create({ scenarioId: "payments" });
    const { id, designId } = body.session;
    expect((await api.design(designId)).status).toBe(200);

    expect(await api.remove(id)).toEqual({ status: 204, body: null });
    expect((await api.get(id)).status).toBe(404);
    expect((await api.design(designId)).status).toBe(404);
    expect((await api.list()).body.sessions.map((session: { id: string }) => session.id)).not.toContain(id);
    expect((await api.remove(id)).status).toBe(404);
  });

  it("deletes a session whose design was already deleted", async () => {
    const { body } = await api.create({ scenarioId: "chat" });
    const removed = await readResult(await designRoute.DELETE(jsonRequest("DELETE", `/api/designs/${body.session.designId}`), context({ id: body.session.designId })));
    expect(removed.status).toBe(204);
    expect((await api.remove(body.session.id)).status).toBe(204);
  });
});

async function execute(target: DatabaseTarget, sql: string, values: unknown[] = []): Promise<void> {
  if (target.provider === "sqlite") {
    const db = new Database(target.filename);
    try {
      db.prepare(sql).run(...values);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(sql.replace(/\?/g, (_match, offset: number) => `$${sql.slice(0, offset).split("?").length}`), values);
  } finally {
    await client.end();
  }
}

describe.each(BACKENDS)("practice summary migration on $name", (backend) => {
  const server = useBackendServer(backend);
  let earlier: string;

  beforeAll(async () => {
    earlier = await mkdtemp(path.join(tmpdir(), "archway-earlier-migrations-"));
  });

  afterAll(async () => {
    await rm(earlier, { recursive: true, force: true });
  });

  it("fills the summary of sessions stored before it from their state, leaving a corrupt one NULL, and lists both", async () => {
    const url = await server().createDatabase();
    const target = parseDatabaseUrl(url);
    const directory = migrationsDirectory(target.provider);
    const before = readMigrations(directory).filter((migration) => migration.name < "20261207120100_practice_session_summary");
    for (const migration of before) await cp(path.join(directory, migration.name), path.join(earlier, target.provider, migration.name), { recursive: true });
    await migrate(target, path.join(earlier, target.provider));

    const state = JSON.stringify({ phase: "design", stageId: "100k", askedQuestionIds: [], hintIds: [], drillRuns: [], snapshots: [], timeline: [] });
    const insert = `INSERT INTO "PracticeSession" ("id", "scenarioId", "durationMinutes", "state", "updatedAt") VALUES (?, ?, 45, ?, CURRENT_TIMESTAMP)`;
    await execute(target, insert, ["oldReadable01", "chat", state]);
    await execute(target, insert, ["oldCorrupt001", "chat", "{not json"]);

    process.env.DATABASE_URL = url;
    const listed = await api.list();
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.sessions.map((session: { id: string }) => [session.id, session]));
    expect(byId.get("oldReadable01")).toMatchObject({ phase: "design", stageId: "100k" });
    expect(byId.get("oldCorrupt001")).toMatchObject({ phase: null, stageId: null });
    expect((await api.get("oldReadable01")).body.session.state).toMatchObject({ phase: "design", stageId: "100k" });
  });
});
