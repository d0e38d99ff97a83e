import { describe, expect, it } from "vitest";
import { createEmptyDesign, minimizeDesign } from "@/lib/model";
import { createDesignsApi, isRetryable, KEEPALIVE_BODY_LIMIT, type ApiFailure } from "./api-client";

const design = createEmptyDesign("Checkout");

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers every request with one canned response and records what was asked. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("designs api client", () => {
  it("sends a save as PUT with the base revision and returns the new revision", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { revision: 8 }));
    const result = await createDesignsApi({ fetch }).saveDesign("shop", 7, design);
    expect(result).toEqual({ kind: "ok", value: { revision: 8 } });
    expect(calls[0].url).toBe("/api/designs/shop");
    expect(calls[0].init.method).toBe("PUT");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ baseRevision: 7, document: minimizeDesign(design) });
  });

  it("returns a 409 as a conflict carrying the server's current design, without throwing", async () => {
    const theirs = { ...design, name: "Theirs" };
    const { fetch } = fakeFetch(() => json(409, { error: "Stale revision", current: { revision: 9, document: theirs } }));
    const result = await createDesignsApi({ fetch }).saveDesign("shop", 7, design);
    expect(result.kind).toBe("conflict");
    if (result.kind !== "conflict") return;
    expect(result.current.revision).toBe(9);
    expect(result.current.document.name).toBe("Theirs");
    expect(result.error).toBe("Stale revision");
  });

  it("maps 422 issues with array or dotted paths to dotted paths", async () => {
    const { fetch } = fakeFetch(() =>
      json(422, { error: "Invalid design", issues: [{ path: ["components", 0, "kind"], message: "Unknown kind" }, { path: "name", message: "Required" }] }),
    );
    const result = await createDesignsApi({ fetch }).importDesign(createEmptyDesign("Invalid elsewhere"));
    expect(result).toEqual({
      kind: "invalid",
      status: 422,
      error: "Invalid design",
      issues: [
        { path: "components.0.kind", message: "Unknown kind" },
        { path: "name", message: "Required" },
      ],
    });
  });

  it.each([
    [400, { error: "Bad JSON", issues: [] }, "invalid"],
    [404, { error: "No such design" }, "not-found"],
    [413, { error: "Too large" }, "too-large"],
    [500, { error: "Boom" }, "server"],
    [503, undefined, "server"],
  ])("maps HTTP %i to %s", async (status, body, kind) => {
    const { fetch } = fakeFetch(() => (body === undefined ? new Response("<html>down</html>", { status }) : json(status, body)));
    const result = await createDesignsApi({ fetch }).getDesign("shop");
    expect(result.kind).toBe(kind);
  });

  it("reports a rejected fetch as a network failure", async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await createDesignsApi({ fetch }).listDesigns()).toEqual({ kind: "network", error: "Failed to fetch" });
  });

  it("refuses a document from the server that does not parse, instead of handing it to the editor", async () => {
    const { fetch } = fakeFetch(() => json(200, { id: "shop", name: "Shop", revision: 1, updatedAt: "2024-01-01T00:00:00Z", document: { name: 3 } }));
    const result = await createDesignsApi({ fetch }).getDesign("shop");
    expect(result).toMatchObject({ kind: "server", status: 200 });
  });

  it("treats a 409 without the current design as a server error", async () => {
    const { fetch } = fakeFetch(() => json(409, { error: "Conflict" }));
    expect((await createDesignsApi({ fetch }).saveDesign("shop", 1, design)).kind).toBe("server");
  });

  it("lists designs and versions", async () => {
    const summary = { id: "shop", name: "Shop", revision: 3, updatedAt: "2024-01-01T00:00:00Z", componentCount: 4 };
    const version = { revision: 2, name: "Shop", createdAt: "2024-01-01T00:00:00Z", componentCount: 3, label: "Before the review", changes: null };
    const { fetch, calls } = fakeFetch((call) => (call.url.endsWith("/versions") ? json(200, { versions: [version] }) : json(200, { designs: [summary] })));
    const api = createDesignsApi({ fetch });
    expect(await api.listDesigns()).toEqual({ kind: "ok", value: [summary] });
    expect(await api.listVersions("shop")).toEqual({ kind: "ok", value: [version] });
    expect(calls.map((call) => call.url)).toEqual(["/api/designs", "/api/designs/shop/versions"]);
  });

  it("sends create, duplicate, rename, delete and restore to the documented endpoints", async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.init.method === "DELETE") return new Response(null, { status: 204 });
      return json(call.init.method === "POST" && call.url === "/api/designs" ? 201 : 200, { id: "copy", revision: 4, document: design });
    });
    const api = createDesignsApi({ fetch });
    expect((await api.createDesign("New")).kind).toBe("ok");
    expect((await api.duplicateDesign("shop")).kind).toBe("ok");
    expect((await api.renameDesign("shop", "Renamed")).kind).toBe("ok");
    expect(await api.deleteDesign("shop")).toEqual({ kind: "ok", value: null });
    expect((await api.restoreVersion("shop", 2, 5)).kind).toBe("ok");
    expect(calls.map((call) => `${call.init.method} ${call.url} ${call.init.body ?? ""}`)).toEqual([
      'POST /api/designs {"name":"New"}',
      'POST /api/designs {"duplicateOf":"shop"}',
      'PATCH /api/designs/shop {"name":"Renamed"}',
      "DELETE /api/designs/shop ",
      'POST /api/designs/shop/versions/2/restore {"baseRevision":5}',
    ]);
  });

  it("refuses a body over the API's 5 MB limit before sending it, saying why", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { revision: 2 }));
    const huge = { ...design, description: "x".repeat(5_000) };
    const crowded = { ...huge, acknowledgements: Array.from({ length: 6_000 }, (_, index) => ({ ruleId: "cache-replica", targetId: `c-${index}`, reason: "r".repeat(1_000) })) };
    const result = await createDesignsApi({ fetch }).saveDesign("shop", 1, crowded);
    expect(result.kind).toBe("too-large");
    if (result.kind === "too-large") expect(result.error).toMatch(/at most 5\.0 MB/);
    expect(calls).toHaveLength(0);
  });

  it("names a version with PATCH and reads the labelled version back", async () => {
    const labelled = { revision: 2, name: "Shop", createdAt: "2024-01-01T00:00:00Z", componentCount: 3, label: "Before the review", changes: null };
    const { fetch, calls } = fakeFetch(() => json(200, { version: labelled }));
    const api = createDesignsApi({ fetch });
    expect(await api.labelVersion("shop", 2, "Before the review")).toEqual({ kind: "ok", value: labelled });
    expect(await api.labelVersion("shop", 2, null)).toEqual({ kind: "ok", value: labelled });
    expect(calls.map((call) => `${call.init.method} ${call.url} ${call.init.body ?? ""}`)).toEqual([
      'PATCH /api/designs/shop/versions/2 {"label":"Before the review"}',
      'PATCH /api/designs/shop/versions/2 {"label":null}',
    ]);
  });

  it("asks for keepalive only when the body is small enough for the browser to accept it", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { revision: 2 }));
    const api = createDesignsApi({ fetch });
    await api.saveDesign("shop", 1, design, { keepalive: true });
    await api.saveDesign("shop", 1, { ...design, description: "x".repeat(KEEPALIVE_BODY_LIMIT) }, { keepalive: true });
    expect(calls.map((call) => call.init.keepalive === true)).toEqual([true, false]);
  });

  it("escapes design ids in paths", async () => {
    const { fetch, calls } = fakeFetch(() => json(404, { error: "No such design" }));
    await createDesignsApi({ fetch }).getDesign("../x");
    expect(calls[0].url).toBe("/api/designs/..%2Fx");
  });

  it("retries only what a later attempt can fix", () => {
    const failures: [ApiFailure, boolean][] = [
      [{ kind: "network", error: "" }, true],
      [{ kind: "server", status: 502, error: "" }, true],
      [{ kind: "server", status: 429, error: "" }, true],
      [{ kind: "server", status: 200, error: "" }, false],
      [{ kind: "not-found", error: "" }, false],
      [{ kind: "invalid", status: 422, error: "", issues: [] }, false],
      [{ kind: "too-large", error: "" }, false],
    ];
    for (const [failure, retryable] of failures) expect(isRetryable(failure)).toBe(retryable);
  });
});
