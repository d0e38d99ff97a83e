import { describe, expect, it } from "vitest";
import * as designRoute from "@/app/api/designs/[id]/route";
import * as versionRoute from "@/app/api/designs/[id]/versions/[revision]/route";
import * as diffRoute from "@/app/api/designs/[id]/versions/[revision]/diff/[other]/route";
import * as versionsRoute from "@/app/api/designs/[id]/versions/route";
import * as designsRoute from "@/app/api/designs/route";
import { getDb } from "@/lib/db/client";
import { createDesign, getDesign, listDesignVersions, saveDesign } from "@/lib/db/designs";
import { VERSION_RETENTION } from "@/lib/db/version-retention";
import { MAX_BODY_BYTES } from "@/lib/http/api";
import { createEmptyDesign, minimizeDesign, parseDesign, type Design } from "@/lib/model";
import { context, jsonRequest, ORIGIN, readResult, type Result } from "../helpers/route-calls";
import { BACKENDS, useFreshDatabase } from "./backends";

/** Designs stored in minimal form, large designs saved end to end, version labels and compaction, on both databases. */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const api = {
  create: async (body: unknown) => readResult(await designsRoute.POST(jsonRequest("POST", "/api/designs", body), context({}))),
  get: async (id: string) => readResult(await designRoute.GET(jsonRequest("GET", `/api/designs/${id}`), context({ id }))),
  save: async (id: string, body: unknown) => readResult(await designRoute.PUT(jsonRequest("PUT", `/api/designs/${id}`, body), context({ id }))),
  versions: async (id: string) => readResult(await versionsRoute.GET(jsonRequest("GET", `/api/designs/${id}/versions`), context({ id }))),
  diff: async (id: string, revision: string, other: string, query = "") =>
    readResult(await diffRoute.GET(jsonRequest("GET", `/api/designs/${id}/versions/${revision}/diff/${other}${query}`), context({ id, revision, other }))),
  label: async (id: string, revision: string, body: unknown) =>
    readResult(await versionRoute.PATCH(jsonRequest("PATCH", `/api/designs/${id}/versions/${revision}`, body), context({ id, revision }))),
};

/**
 * A chain of services with retries, as the issue reports: `count` components, each calling the next two with
 * retries enabled, every tenth with a changed setting. Ids and names like the editor's.
 */
function largeDesign(count: number, name: string): Design {
  const components = Array.from({ length: count }, (_, index) => ({
    id: `service-${index + 1}`,
    kind: "service",
    name: `Service ${index + 1}`,
    position: { x: (index % 100) * 240, y: Math.floor(index / 100) * 160 },
    config: index % 10 === 0 ? { replicas: 3, autoscaling: { maxReplicas: 20 } } : {},
  }));
  const connections = components.flatMap((component, index) =>
    [1, 2]
      .filter((step) => index + step < count)
      .map((step) => ({
        id: `conn-${index + 1}-${step}`,
        source: component.id,
        target: components[index + step].id,
        timeoutMs: 5000,
        retry: { enabled: true, maxRetries: 3 },
      })),
  );
  const parsed = parseDesign({ schemaVersion: 1, name, components, connections });
  if (!parsed.success) throw new Error(`largeDesign is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.design;
}

async function storedDocument(id: string): Promise<string> {
  const db = await getDb();
  const row = await db.design.findUniqueOrThrow({ where: { id }, select: { document: true } });
  return row.document;
}

describe.each(BACKENDS)("design storage on $name", (backend) => {
  useFreshDatabase(backend);

  it.each([
    { count: 4_000, expandedFits: true },
    { count: 10_000, expandedFits: false },
  ])("imports, saves and saves again a design of $count components under the 5 MB body limit", async ({ count, expandedFits }) => {
    const design = largeDesign(count, `Chain of ${count}`);
    const expandedBytes = JSON.stringify({ document: design }).length;
    const minimalBody = { document: minimizeDesign(design) };
    // What made saving fail before: the expanded document outgrows the limit the API enforces.
    expect(expandedBytes <= MAX_BODY_BYTES).toBe(expandedFits);
    expect(JSON.stringify(minimalBody).length).toBeLessThan(MAX_BODY_BYTES);

    const imported = await api.create(minimalBody);
    expect(imported.status).toBe(201);
    const id = imported.body.id as string;

    const edited: Design = { ...design, description: "first save", components: design.components.map((component, index) => (index === 0 ? { ...component, name: "Entry" } : component)) };
    const saved = await api.save(id, { baseRevision: 1, document: minimizeDesign(edited) });
    expect(saved).toEqual({ status: 200, body: { revision: 2 } });

    const again: Design = { ...edited, description: "second save" };
    const resaved = await api.save(id, { baseRevision: 2, document: minimizeDesign(again) });
    expect(resaved).toEqual({ status: 200, body: { revision: 3 } });

    const read = await api.get(id);
    expect(read.status).toBe(200);
    expect(read.body.revision).toBe(3);
    expect(read.body.document).toEqual(again);

    const stored = await storedDocument(id);
    expect(stored.length).toBeLessThan(expandedBytes / 3);
    // The stored text is exactly the minimal form: not one key holds the value the schema would fill in.
    expect(stored).toBe(JSON.stringify(minimizeDesign(again)));
    expect((await api.versions(id)).body.versions.map((version: { revision: number }) => version.revision)).toEqual([3, 2, 1]);
  });

  it("stores a design without a single default-valued key and reads it back expanded", async () => {
    const design = largeDesign(30, "Small chain");
    const { id } = await createDesign(design);
    const stored = await storedDocument(id);
    expect(JSON.parse(stored)).toEqual(minimizeDesign(design));
    expect(stored).not.toContain('"description"');
    expect(stored).not.toContain('"circuitBreaker"');
    expect(stored).not.toContain('"probes"');
    expect((await getDesign(id))?.document).toEqual(design);
  });

  it("reads rows written before minimal storage (every default filled in) as before", async () => {
    const design = largeDesign(5, "Stored expanded");
    const db = await getDb();
    const id = "legacyRow0001";
    const document = JSON.stringify(design);
    await db.design.create({ data: { id, name: design.name, document, componentCount: 5, versions: { create: { id: "legacyVer0001", revision: 1, name: design.name, document } } } });
    const read = await api.get(id);
    expect(read.body.document).toEqual(design);
    expect((await api.save(id, { baseRevision: 1, document: minimizeDesign(design) })).status).toBe(200);
    expect(JSON.parse(await storedDocument(id))).toEqual(minimizeDesign(design));
  });

  it("duplicates only the current document, not its history", async () => {
    const { id } = await createDesign(largeDesign(20, "Original"));
    for (let revision = 1; revision <= 4; revision += 1) await saveDesign(id, revision, { ...largeDesign(20, "Original"), description: `edit ${revision}` });
    const copy = await api.create({ duplicateOf: id });
    expect(copy.status).toBe(201);
    expect((await api.versions(copy.body.id)).body.versions).toHaveLength(1);
    expect(copy.body.document).toEqual({ ...largeDesign(20, "Original"), description: "edit 4", name: "Original (copy)" });
    expect(JSON.parse(await storedDocument(copy.body.id))).toEqual(minimizeDesign(copy.body.document));
  });

  it("names a version, shows the name in the list, removes it, and refuses empty or unknown ones", async () => {
    const { id } = await createDesign(createEmptyDesign("Named"));
    await saveDesign(id, 1, { ...createEmptyDesign("Named"), description: "reviewed" });

    const named = await api.label(id, "2", { label: "  Before the review  " });
    expect(named.status).toBe(200);
    expect(named.body.version).toMatchObject({ revision: 2, label: "Before the review" });
    expect((await api.versions(id)).body.versions.map(({ revision, label }: { revision: number; label: string | null }) => ({ revision, label }))).toEqual([
      { revision: 2, label: "Before the review" },
      { revision: 1, label: null },
    ]);

    expect((await api.label(id, "2", { label: null })).body.version.label).toBeNull();
    expect((await api.label(id, "2", { label: "" })).status).toBe(422);
    expect((await api.label(id, "2", { label: "x".repeat(101) })).status).toBe(422);
    expect((await api.label(id, "2", {})).status).toBe(422);
    expect((await api.label(id, "9", { label: "Ghost" })).status).toBe(404);
    expect((await api.label("noSuchDesign", "1", { label: "Ghost" })).status).toBe(404);
  });

  it("keeps at most the stated number of named versions", async () => {
    const { id } = await createDesign(createEmptyDesign("Many names"));
    for (let revision = 1; revision <= VERSION_RETENTION.maxLabelled; revision += 1) {
      await saveDesign(id, revision, { ...createEmptyDesign("Many names"), description: `edit ${revision}` });
      expect((await api.label(id, String(revision), { label: `Name ${revision}` })).status).toBe(200);
    }
    const refused = await api.label(id, String(VERSION_RETENTION.maxLabelled + 1), { label: "One too many" });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([{ path: "label", message: expect.stringContaining(String(VERSION_RETENTION.maxLabelled)) }]);
    expect((await api.label(id, "1", { label: "Renamed" })).status).toBe(200);
  });

  it("compacts autosaves on write with the retention policy, keeping labelled versions forever", async () => {
    const start = new Date("2026-12-01T08:00:00Z").getTime();
    const { id } = await createDesign(createEmptyDesign("Autosaved"), new Date(start));
    const labelled = new Map<number, string>();
    let revision = 1;
    // Two days of saves every 5 minutes, naming one version in the first hour.
    for (let time = start + 5 * MINUTE; time <= start + 48 * HOUR; time += 5 * MINUTE) {
      const outcome = await saveDesign(id, revision, { ...createEmptyDesign("Autosaved"), description: `at ${time}` }, new Date(time));
      expect(outcome.status).toBe("saved");
      revision += 1;
      if (revision === 4) {
        await api.label(id, "4", { label: "Morning draft" });
        labelled.set(4, "Morning draft");
      }
    }
    const now = start + 48 * HOUR;
    const versions = (await listDesignVersions(id))!;
    expect(versions[0].revision).toBe(revision);
    expect(versions.find((version) => version.revision === 4)?.label).toBe("Morning draft");
    const ageOf = (version: { createdAt: Date }) => now - version.createdAt.getTime();
    expect(versions.filter((version) => ageOf(version) < HOUR)).toHaveLength(12);
    const withinDay = versions.filter((version) => ageOf(version) >= HOUR && ageOf(version) < 24 * HOUR);
    const slots = withinDay.map((version) => Math.floor(version.createdAt.getTime() / (10 * MINUTE)));
    expect(new Set(slots).size).toBe(slots.length);
    const older = versions.filter((version) => ageOf(version) >= 24 * HOUR && version.label === null);
    expect(new Set(older.map((version) => Math.floor(version.createdAt.getTime() / (24 * HOUR)))).size).toBe(older.length);
    // 577 saves leave: 12 from the last hour, at most one per 10-minute slot for the rest of the day, one per day before, the named one.
    expect(versions.length).toBeLessThanOrEqual(12 + 6 * 23 + 1 + 2 + 1);
  });

  it("records what each save changed, and lists it with the version", async () => {
    const base = { ...createEmptyDesign("Counted"), components: [{ id: "api", kind: "service", name: "API", position: { x: 0, y: 0 } }] };
    const created = await api.create({ document: base });
    const id = created.body.id as string;
    const moved = { ...base, components: [{ ...base.components[0], position: { x: 80, y: 0 } }] };
    expect((await api.save(id, { baseRevision: 1, document: moved })).status).toBe(200);
    const grown = {
      ...moved,
      name: "Counted v2",
      components: [{ ...moved.components[0], name: "Orders API" }, { id: "db", kind: "database", name: "Orders DB", position: { x: 300, y: 0 } }],
      connections: [{ id: "api-db", source: "api", target: "db" }],
    };
    expect((await api.save(id, { baseRevision: 2, document: grown })).status).toBe(200);

    const listed = await api.versions(id);
    expect(listed.status).toBe(200);
    const byRevision = new Map((listed.body.versions as { revision: number; changes: unknown }[]).map((version) => [version.revision, version.changes]));
    expect(byRevision.get(1)).toBeNull();
    expect(byRevision.get(2)).toMatchObject({ components: { added: 0, removed: 0, edited: 0, moved: 1 }, designEdited: false });
    expect(byRevision.get(3)).toMatchObject({
      components: { added: 1, removed: 0, edited: 1, moved: 0 },
      connections: { added: 1, removed: 0, edited: 0, moved: 0 },
      designEdited: true,
    });

    const diff = await api.diff(id, "1", "3", "?spike=2");
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 3, diff: { simulation: { loadMultiplier: 2 } } });
    expect(diff.body.diff.components).toMatchObject({ added: [{ id: "db", name: "Orders DB", kind: "database" }], changed: [{ id: "api", name: "Orders API", renamedFrom: "API" }] });
    expect(diff.body.diff.design).toEqual([{ path: "name", from: "Counted", to: "Counted v2" }]);
    expect(diff.body.outline.find((section: { title: string }) => section.title === "Components")).toMatchObject({ summary: "1 added, 0 removed, 1 changed" });
    expect((await api.diff(id, "1", "9")).status).toBe(404);
    expect((await api.diff(id, "1", "2", "?spike=lots")).status).toBe(400);
  });

  it("holds the per-design quota, dropping the oldest unlabelled versions first", async () => {
    const start = new Date("2026-12-02T08:00:00Z").getTime();
    const { id } = await createDesign(createEmptyDesign("Burst"), new Date(start));
    await api.label(id, "1", { label: "First" });
    const saves = VERSION_RETENTION.quota + 30;
    for (let revision = 1; revision <= saves; revision += 1) {
      await saveDesign(id, revision, { ...createEmptyDesign("Burst"), description: `save ${revision}` }, new Date(start + revision * 1000));
    }
    const versions = (await listDesignVersions(id))!;
    expect(versions).toHaveLength(VERSION_RETENTION.quota);
    expect(versions.at(-1)).toMatchObject({ revision: 1, label: "First" });
    expect(versions[0].revision).toBe(saves + 1);
    expect(versions.at(-2)!.revision).toBe(saves + 1 - (VERSION_RETENTION.quota - 2));
  });

  it("loses no work when many editors save at once: every writer that retries on 409 lands, each as its own version", async () => {
    const { id } = await createDesign(createEmptyDesign("Crowd"));
    const writers = 8;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (;;) {
          const current = await api.get(id);
          const saved = await api.save(id, { baseRevision: current.body.revision, document: { ...createEmptyDesign("Crowd"), description: `writer ${writer}` } });
          statuses.push(saved.status);
          if (saved.status === 200) return;
          expect(saved.status).toBe(409);
        }
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(writers);
    const versions = (await listDesignVersions(id))!;
    expect(versions).toHaveLength(writers + 1);
    const descriptions = await Promise.all(
      versions.slice(0, writers).map(async (version) => (await getDb()).designVersion.findUniqueOrThrow({ where: { designId_revision: { designId: id, revision: version.revision } } })),
    );
    expect(new Set(descriptions.map((row) => JSON.parse(row.document).description))).toEqual(new Set(Array.from({ length: writers }, (_, writer) => `writer ${writer}`)));
  });
});
