import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import * as designRoute from "@/app/api/designs/[id]/route";
import * as restoreRoute from "@/app/api/designs/[id]/versions/[revision]/restore/route";
import * as versionRoute from "@/app/api/designs/[id]/versions/[revision]/route";
import * as versionsRoute from "@/app/api/designs/[id]/versions/route";
import * as designsRoute from "@/app/api/designs/route";
import * as schemaRoute from "@/app/api/schema/route";
import { createComponent, createConnection, createEmptyDesign, LIMITS, SCHEMA_VERSION, type Design } from "@/lib/model";
import { context, jsonRequest, ORIGIN, readResult, type Result } from "../helpers/route-calls";
import { BACKENDS, useFreshDatabase } from "./backends";

/** Route handlers are called directly with real Request objects: no server, same code path as Next. */

const MB = 1024 * 1024;

function rawRequest(method: string, path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { method, body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);
}

const api = {
  list: async () => readResult(await designsRoute.GET(jsonRequest("GET", "/api/designs"), context({}))),
  create: async (body: unknown) => readResult(await designsRoute.POST(jsonRequest("POST", "/api/designs", body), context({}))),
  get: async (id: string) => readResult(await designRoute.GET(jsonRequest("GET", `/api/designs/${id}`), context({ id }))),
  save: async (id: string, body: unknown) => readResult(await designRoute.PUT(jsonRequest("PUT", `/api/designs/${id}`, body), context({ id }))),
  rename: async (id: string, body: unknown) => readResult(await designRoute.PATCH(jsonRequest("PATCH", `/api/designs/${id}`, body), context({ id }))),
  remove: async (id: string) => readResult(await designRoute.DELETE(jsonRequest("DELETE", `/api/designs/${id}`), context({ id }))),
  versions: async (id: string) => readResult(await versionsRoute.GET(jsonRequest("GET", `/api/designs/${id}/versions`), context({ id }))),
  version: async (id: string, revision: string) =>
    readResult(await versionRoute.GET(jsonRequest("GET", `/api/designs/${id}/versions/${revision}`), context({ id, revision }))),
  restore: async (id: string, revision: string, body: unknown) =>
    readResult(await restoreRoute.POST(jsonRequest("POST", `/api/designs/${id}/versions/${revision}/restore`, body), context({ id, revision }))),
};

/** A load balancer in front of a service: two components, one connection. */
function sampleDesign(name = "Shop"): Design {
  const design = createEmptyDesign(name);
  const balancer = createComponent(design, "load-balancer", { x: 0, y: 0 });
  const withBalancer = { ...design, components: [balancer] };
  const service = createComponent(withBalancer, "service", { x: 200, y: 0 });
  const withService = { ...withBalancer, components: [balancer, service] };
  return { ...withService, connections: [createConnection(withService, balancer, service)] };
}

async function createBlank(name = "Blank"): Promise<string> {
  const created = await api.create({ name });
  expect(created.status).toBe(201);
  return created.body.id;
}

const HOSTILE_NAMES = [
  `Robert'); DROP TABLE "Design";--`,
  `quotes ' " \` and \\ backslashes \\"`,
  "line one\nline two\r\nline three\ttabbed",
  "../../../etc/passwd",
  "..\\..\\windows\\system32",
  "Ünïcødé 設計 🚀 مرحبا \u202Eevil\u200B",
  "{{constructor}} ${process.env} <script>alert(1)</script>",
  "  leading and trailing spaces  ",
  "x".repeat(200),
  "🚀".repeat(100),
];

describe.each(BACKENDS)("designs REST API on $name", (backend) => {
  useFreshDatabase(backend);

  it("lists designs of a fresh database", async () => {
    const listed = await api.list();
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body.designs)).toBe(true);
  });

  it("creates a blank design and reads it back", async () => {
    const created = await api.create({ name: "Checkout" });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(created.body.revision).toBe(1);
    expect(created.body.document).toEqual(createEmptyDesign("Checkout"));

    const read = await api.get(created.body.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, name: "Checkout", revision: 1, document: created.body.document });
    expect(Number.isNaN(Date.parse(read.body.updatedAt))).toBe(false);

    const listed = (await api.list()).body.designs;
    expect(listed).toContainEqual({ id: created.body.id, name: "Checkout", revision: 1, componentCount: 0, updatedAt: read.body.updatedAt });
  });

  it("imports a document and counts its components in the listing", async () => {
    const imported = await api.create({ document: sampleDesign("Imported") });
    expect(imported.status).toBe(201);
    expect(imported.body.document).toEqual(sampleDesign("Imported"));

    const entry = (await api.list()).body.designs.find((design: { id: string }) => design.id === imported.body.id);
    expect(entry).toMatchObject({ name: "Imported", revision: 1, componentCount: 2 });
  });

  it("stores notes with hostile, multi-line and longest text, and hands back what it stored", async () => {
    const texts = [...HOSTILE_NAMES, "ä".repeat(LIMITS.annotationTextLength)];
    const document = {
      ...sampleDesign("Noted"),
      annotations: texts.map((text, index) => ({ id: `note-${index}`, kind: "note", text, position: { x: 0, y: index * 130 }, size: { width: 200, height: 120 } })),
    };
    const imported = await api.create({ document });
    expect(imported.status).toBe(201);
    const read = await api.get(imported.body.id);
    expect(read.body.document.annotations.map((annotation: { text: string }) => annotation.text)).toEqual(texts);
    const saved = await api.save(imported.body.id, { baseRevision: 1, document: read.body.document });
    expect(saved.status).toBe(200);
  });

  it("fills defaults of an imported document, as the model does", async () => {
    const imported = await api.create({ document: { schemaVersion: 1, name: "Sparse" } });
    expect(imported.status).toBe(201);
    expect(imported.body.document).toEqual(createEmptyDesign("Sparse"));
  });

  it("saves a new revision and refuses a save from a stale revision with 409 and the current content", async () => {
    const id = await createBlank("Saved");
    const edited = sampleDesign("Saved");

    const saved = await api.save(id, { baseRevision: 1, document: edited });
    expect(saved).toEqual({ status: 200, body: { revision: 2 } });
    expect((await api.get(id)).body).toMatchObject({ revision: 2, document: edited });

    const stale = await api.save(id, { baseRevision: 1, document: createEmptyDesign("Stale") });
    expect(stale.status).toBe(409);
    expect(typeof stale.body.error).toBe("string");
    expect(stale.body.current).toEqual({ revision: 2, document: edited });
    expect((await api.get(id)).body).toMatchObject({ revision: 2, document: edited });
  });

  it("gives exactly one 200 and one 409 to two concurrent saves from the same revision, losing no update", async () => {
    const id = await createBlank("Race");
    const first = { ...createEmptyDesign("Race"), description: "first writer" };
    const second = { ...createEmptyDesign("Race"), description: "second writer" };

    const outcomes = await Promise.all([api.save(id, { baseRevision: 1, document: first }), api.save(id, { baseRevision: 1, document: second })]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([200, 409]);
    const winner = outcomes[0].status === 200 ? first : second;
    const loser = outcomes.find((outcome) => outcome.status === 409)!;
    expect(loser.body.current).toEqual({ revision: 2, document: winner });
    expect((await api.get(id)).body).toMatchObject({ revision: 2, document: winner });
    expect((await api.versions(id)).body.versions.map((version: { revision: number }) => version.revision)).toEqual([2, 1]);
  });

  it("renames a design and its document as a new revision", async () => {
    const id = await createBlank("Before");

    const renamed = await api.rename(id, { name: "After" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ revision: 2, document: createEmptyDesign("After") });
    expect((await api.get(id)).body).toMatchObject({ name: "After", revision: 2, document: { name: "After" } });
  });

  it("duplicates a design under '<name> (copy)', keeping the content", async () => {
    const original = await api.create({ document: sampleDesign("Original") });

    const copy = await api.create({ duplicateOf: original.body.id });
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(original.body.id);
    expect(copy.body.revision).toBe(1);
    expect(copy.body.document).toEqual({ ...sampleDesign("Original"), name: "Original (copy)" });
    expect((await api.get(copy.body.id)).body.name).toBe("Original (copy)");
    expect((await api.get(original.body.id)).body.name).toBe("Original");
  });

  it("shortens a long name so its copy still fits the 200-character limit", async () => {
    const id = await createBlank("🚀".repeat(100));

    const copy = await api.create({ duplicateOf: id });
    expect(copy.status).toBe(201);
    expect(copy.body.document.name).toBe(`${"🚀".repeat(96)} (copy)`);
  });

  it("deletes a design with its versions", async () => {
    const id = await createBlank("Doomed");

    expect(await api.remove(id)).toEqual({ status: 204, body: null });
    expect((await api.get(id)).status).toBe(404);
    expect((await api.versions(id)).status).toBe(404);
    expect((await api.version(id, "1")).status).toBe(404);
    expect((await api.list()).body.designs.map((design: { id: string }) => design.id)).not.toContain(id);
    expect((await api.remove(id)).status).toBe(404);
  });

  it("keeps a version per revision, newest first, and restores an old one as a new revision", async () => {
    const id = await createBlank("History");
    await api.save(id, { baseRevision: 1, document: sampleDesign("History") });
    await api.rename(id, { name: "History renamed" });

    const versions = await api.versions(id);
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map(({ revision, name, componentCount }: Record<string, unknown>) => ({ revision, name, componentCount }))).toEqual([
      { revision: 3, name: "History renamed", componentCount: 2 },
      { revision: 2, name: "History", componentCount: 2 },
      { revision: 1, name: "History", componentCount: 0 },
    ]);
    expect(versions.body.versions.every((version: { createdAt: string }) => !Number.isNaN(Date.parse(version.createdAt)))).toBe(true);

    const first = await api.version(id, "1");
    expect(first).toEqual({ status: 200, body: { revision: 1, document: createEmptyDesign("History") } });

    const restored = await api.restore(id, "1", { baseRevision: 3 });
    expect(restored).toEqual({ status: 200, body: { revision: 4, document: createEmptyDesign("History") } });
    expect((await api.get(id)).body).toMatchObject({ name: "History", revision: 4, document: createEmptyDesign("History") });
    expect((await api.version(id, "2")).body.document).toEqual(sampleDesign("History"));

    const staleRestore = await api.restore(id, "2", { baseRevision: 3 });
    expect(staleRestore.status).toBe(409);
    expect(staleRestore.body.current.revision).toBe(4);

    expect((await api.restore(id, "99", { baseRevision: 4 })).status).toBe(404);
    expect((await api.version(id, "99")).status).toBe(404);
    expect((await api.version(id, "abc")).status).toBe(404);
    expect((await api.version(id, "0")).status).toBe(404);
  });

  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name).slice(0, 40), name]))("round-trips the name %s byte for byte", async (_label, name) => {
    const created = await api.create({ name });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const read = await api.get(id);
    expect(read.body.name).toBe(name);
    expect(read.body.document.name).toBe(name);
    expect((await api.list()).body.designs.find((design: { id: string }) => design.id === id).name).toBe(name);

    const other = await createBlank("plain");
    expect((await api.rename(other, { name })).status).toBe(200);
    expect((await api.get(other)).body.name).toBe(name);
    expect((await api.versions(other)).body.versions[0].name).toBe(name);
  });

  it("rejects names that cannot be stored or are out of bounds with 422 naming the field", async () => {
    for (const name of ["nul\u0000byte", "lone \uD800 surrogate", "", "x".repeat(201)]) {
      const created = await api.create({ name });
      expect(created.status, JSON.stringify(name)).toBe(422);
      expect(created.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["name"]);
    }
    const id = await createBlank("Renamed badly");
    const renamed = await api.rename(id, { name: "" });
    expect(renamed.status).toBe(422);
    expect(renamed.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["name"]);
    expect((await api.get(id)).body.revision).toBe(1);
  });

  it("answers a body that is not JSON with 400 and a root issue", async () => {
    for (const body of ["{not json", "", "\uFEFF{"]) {
      const response = await readResult(await designsRoute.POST(rawRequest("POST", "/api/designs", body), context({})));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: expect.any(String), issues: [{ path: "", message: expect.any(String) }] });
    }
    const invalidUtf8 = await readResult(await designsRoute.POST(rawRequest("POST", "/api/designs", new Uint8Array([0x7b, 0xff, 0x7d])), context({})));
    expect(invalidUtf8.status).toBe(400);
  });

  it("answers wrong types with 422 naming every failing path in the body", async () => {
    const id = await createBlank("Typed");
    const broken = sampleDesign("Typed") as unknown as { components: { position: { x: unknown } }[]; connections: { tls: unknown }[] };
    broken.components[0].position.x = "left";
    broken.connections[0].tls = "yes";

    const saved = await api.save(id, { baseRevision: 1, document: broken });
    expect(saved.status).toBe(422);
    const paths = saved.body.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["document.components.0.position.x", "document.connections.0.tls"]));
    expect((await api.get(id)).body.revision).toBe(1);

    const envelope = await api.save(id, { baseRevision: "1", document: createEmptyDesign("Typed") });
    expect(envelope.status).toBe(422);
    expect(envelope.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["baseRevision"]);

    const missingDocument = await api.save(id, { baseRevision: 1 });
    expect(missingDocument.status).toBe(422);
    expect(missingDocument.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["document"]);

    const imported = await api.create({ document: { schemaVersion: 1, name: 42, components: "none" } });
    expect(imported.status).toBe(422);
    expect(imported.body.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(["document.name", "document.components"]));

    const newer = await api.create({ document: { schemaVersion: 999, name: "From the future" } });
    expect(newer.status).toBe(422);
    expect(newer.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["document.schemaVersion"]);

    for (const body of [null, [], 7, {}, { name: "a", duplicateOf: "b" }, { name: 5 }]) {
      const created = await api.create(body);
      expect(created.status, JSON.stringify(body)).toBe(422);
      expect(created.body.issues.length).toBeGreaterThan(0);
    }
    expect((await api.rename(id, { name: ["x"] })).status).toBe(422);
    expect((await api.restore(id, "1", { baseRevision: 0 })).status).toBe(422);
  });

  it("refuses bodies over 5 MB with 413, whatever Content-Length claims", async () => {
    const huge = JSON.stringify({ name: "x".repeat(5 * MB + 1) });

    const declared = await designsRoute.POST(rawRequest("POST", "/api/designs", "{}", { "content-length": String(6 * MB) }), context({}));
    expect(declared.status).toBe(413);

    const undeclared = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(huge);
        for (let offset = 0; offset < chunk.length; offset += 64 * 1024) controller.enqueue(chunk.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    expect((await designsRoute.POST(rawRequest("POST", "/api/designs", undeclared), context({}))).status).toBe(413);

    const understated = await designRoute.PUT(rawRequest("PUT", "/api/designs/any", huge, { "content-length": "10" }), context({ id: "any" }));
    expect(understated.status).toBe(413);
  });

  it("answers 404 for an unknown id on every route", async () => {
    const id = "doesNotExist";
    expect((await api.get(id)).status).toBe(404);
    expect((await api.save(id, { baseRevision: 1, document: createEmptyDesign("Ghost") })).status).toBe(404);
    expect((await api.rename(id, { name: "Ghost" })).status).toBe(404);
    expect((await api.remove(id)).status).toBe(404);
    expect((await api.versions(id)).status).toBe(404);
    expect((await api.version(id, "1")).status).toBe(404);
    expect((await api.restore(id, "1", { baseRevision: 1 })).status).toBe(404);
    expect((await api.create({ duplicateOf: id })).status).toBe(404);
    const notFound = await api.get(`../${id}'"\n`);
    expect(notFound).toEqual({ status: 404, body: { error: expect.any(String) } });
  });
});

describe("GET /api/schema", () => {
  it("serves the JSON Schema of a design document that accepts what the model accepts", async () => {
    const response = await schemaRoute.GET(jsonRequest("GET", "/api/schema"), {});
    expect(response.status).toBe(200);
    const schema = await response.json();
    expect(schema.$id).toMatch(/^urn:archway:design:v\d+$/);
    expect(schema.title).toBe("Archway design document");

    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(sampleDesign())).toBe(true);
    expect(validate({ schemaVersion: SCHEMA_VERSION, name: "Sparse" })).toBe(true);
    expect(validate({ schemaVersion: SCHEMA_VERSION })).toBe(false);
    expect(validate({ schemaVersion: SCHEMA_VERSION, name: "Bad", components: [{ id: "x", kind: "no-such-kind", name: "x", position: { x: 0, y: 0 } }] })).toBe(false);
  });
});
