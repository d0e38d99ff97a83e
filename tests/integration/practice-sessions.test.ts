import { afterEach, describe, expect, it, vi } from "vitest";
import * as designRoute from "@/app/api/designs/[id]/route";
import * as scenariosRoute from "@/app/api/practice/scenarios/route";
import * as eventsRoute from "@/app/api/practice/sessions/[id]/events/route";
import * as sessionRoute from "@/app/api/practice/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/practice/sessions/route";
import { getDb } from "@/lib/db/client";
import { listDesigns } from "@/lib/db/designs";
import { scenarioById } from "@/lib/practice";
import { context, jsonRequest, readResult } from "../helpers/route-calls";
import { BACKENDS, useFreshDatabase } from "./backends";

/** Practice routes called directly with real Requests against a real database, once per backend. */

const api = {
  scenarios: async () => readResult(await scenariosRoute.GET(jsonRequest("GET", "/api/practice/scenarios"), context({}))),
  list: async () => readResult(await sessionsRoute.GET(jsonRequest("GET", "/api/practice/sessions"), context({}))),
  create: async (body: unknown) => readResult(await sessionsRoute.POST(jsonRequest("POST", "/api/practice/sessions", body), context({}))),
  get: async (id: string) => readResult(await sessionRoute.GET(jsonRequest("GET", `/api/practice/sessions/${id}`), context({ id }))),
  event: async (id: string, body: unknown) => readResult(await eventsRoute.POST(jsonRequest("POST", `/api/practice/sessions/${id}/events`, body), context({ id }))),
  design: async (id: string) => readResult(await designRoute.GET(jsonRequest("GET", `/api/designs/${id}`), context({ id }))),
};

const reference = scenarioById("product-catalogue")!.reference;

describe.each(BACKENDS)("practice sessions on $name", (backend) => {
  useFreshDatabase(backend);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lists the scenario bank without reference answers", async () => {
    const { status, body } = await api.scenarios();
    expect(status).toBe(200);
    expect(body.scenarios.length).toBeGreaterThanOrEqual(12);
    expect(body.scenarios[0]).not.toHaveProperty("reference");
    expect(body.scenarios[0]).not.toHaveProperty("rubric");
  });

  it("starts a session on a real, blank design with a 45-minute default", async () => {
    const created = await api.create({ scenarioId: "product-catalogue" });
    expect(created.status).toBe(201);
    const { session } = created.body;
    expect(session).toMatchObject({ scenarioId: "product-catalogue", durationMinutes: 45, finishedAt: null, state: { phase: "clarify", stageId: "1k" } });
    const design = await api.design(session.designId);
    expect(design.status).toBe(200);
    expect(design.body.document).toMatchObject({ name: "Practice: Product catalogue", components: [] });
  });

  it("refuses unknown scenarios and malformed events", async () => {
    expect((await api.create({ scenarioId: "nope" })).status).toBe(422);
    expect((await api.create({ scenarioId: "chat", durationMinutes: 1 })).status).toBe(422);
    const { body } = await api.create({ scenarioId: "chat" });
    expect((await api.event(body.session.id, { type: "ask", questionId: "nope" })).status).toBe(422);
    expect((await api.event(body.session.id, { type: "teleport" })).status).toBe(422);
    const invalid = await api.event(body.session.id, { type: "advance-phase", design: { schemaVersion: 1 } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues[0].path).toBe("design.name");
    expect((await api.get("missing")).status).toBe(404);
    expect((await api.event("missing", { type: "hint", hintId: "x" })).status).toBe(404);
  });

  it("records a whole session, scores it against the rubric and shows it in the history", async () => {
    const { body } = await api.create({ scenarioId: "product-catalogue", durationMinutes: 30 });
    const id = body.session.id;
    await api.event(id, { type: "ask", questionId: "users" });
    await api.event(id, { type: "ask", questionId: "read-write" });
    await api.event(id, { type: "estimate", estimate: { peakRps: 1000, instances: { service: 2 } } });
    await api.event(id, { type: "advance-phase", design: reference });
    await api.event(id, { type: "hint", hintId: "cache-aside" });
    for (let stage = 0; stage < 3; stage += 1) expect((await api.event(id, { type: "advance-stage", design: reference })).status).toBe(200);
    const drill = await api.event(id, { type: "drill", drillId: "traffic-spike", design: reference });
    expect(drill.status).toBe(200);
    expect(drill.body.drillRun).toMatchObject({ drillId: "traffic-spike", stageId: "1m" });

    const fetched = (await api.get(id)).body.session;
    expect(fetched.state).toMatchObject({ phase: "estimate", stageId: "1m", askedQuestionIds: ["users", "read-write"], hintIds: ["cache-aside"] });
    expect(fetched.state.snapshots.map((snapshot: { phase: string }) => snapshot.phase)).toEqual(["clarify", "estimate", "estimate", "estimate"]);
    expect(fetched.state.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(["start", "ask", "ask", "estimate", "phase", "hint", "stage", "stage", "stage", "drill"]);

    const finished = await api.event(id, { type: "finish", design: reference });
    expect(finished.status).toBe(200);
    const { report } = finished.body.session;
    expect(report.rubric.earned).toBe(report.rubric.max);
    expect(report.total).toEqual({ earned: report.rubric.max - 2, max: report.rubric.max, percent: Math.round(((report.rubric.max - 2) / report.rubric.max) * 100) });
    expect(report.categories.map((category: { category: string }) => category.category)).toEqual(["reliability", "security", "performance", "operations", "cost"]);
    expect(report.estimates.find((figure: { figure: string }) => figure.figure === "peakRps")).toMatchObject({ candidate: 1000, verdict: expect.any(String) });
    expect(report.drills).toHaveLength(4);

    expect((await api.event(id, { type: "hint", hintId: "replicas" })).status).toBe(409);
    const history = (await api.list()).body.sessions;
    expect(history.find((entry: { id: string }) => entry.id === id)).toMatchObject({ scenarioTitle: "Product catalogue", scorePercent: report.total.percent, stageId: "1m" });
  });

  it("keeps every one of several concurrent events", async () => {
    const { body } = await api.create({ scenarioId: "url-shortener" });
    const ids = ["users", "read-write", "latency", "consistency", "scope"];
    const responses = await Promise.all(ids.map((questionId) => api.event(body.session.id, { type: "ask", questionId })));
    expect(responses.map((response) => response.status)).toEqual(ids.map(() => 200));
    expect([...(await api.get(body.session.id)).body.session.state.askedQuestionIds].sort()).toEqual([...ids].sort());
  });

  it("answers 409 with a clear message, recording nothing, when other writers keep winning the revision race", async () => {
    const { body } = await api.create({ scenarioId: "chat" });
    const db = await getDb();
    // Every conditional write finds a newer revision, as when another tab keeps writing between read and write.
    const writes = vi.spyOn(db.practiceSession, "updateMany").mockResolvedValue({ count: 0 });
    const refused = await api.event(body.session.id, { type: "ask", questionId: "users" });
    expect(refused).toEqual({ status: 409, body: { error: expect.stringMatching(/kept changing while this step was being recorded.*try it again/) } });
    expect(writes).toHaveBeenCalledTimes(5);
    writes.mockRestore();
    expect((await api.get(body.session.id)).body.session).toMatchObject({ revision: 1, state: { askedQuestionIds: [] } });
    expect((await api.event(body.session.id, { type: "ask", questionId: "users" })).status).toBe(200);
  });

  it("leaves no orphan design behind when storing the session fails", async () => {
    const before = (await listDesigns()).map((design) => design.id);
    const db = await getDb();
    vi.spyOn(db.practiceSession, "create").mockRejectedValueOnce(new Error("disk full"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await api.create({ scenarioId: "payments" })).status).toBe(500);
    expect((await listDesigns()).map((design) => design.id)).toEqual(before);
  });
});
