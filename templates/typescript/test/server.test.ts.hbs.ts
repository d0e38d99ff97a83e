/** Template of test/server.test.ts: the HTTP layer on a loopback port, with a fake route handler. */
export default String.raw`import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { RouteDefinition } from "../src/design.js";
import { DependencyError, type RouteHandler } from "../src/handlers.js";
import { createLogger } from "../src/logger.js";
import { createMetrics } from "../src/metrics.js";
import type { ReadinessReport } from "../src/readiness.js";
import { createApp, requestIdFrom, type App } from "../src/server.js";

const routes: RouteDefinition[] = [
  { method: "GET", path: "/api/items/:id" },
  { method: "POST", path: "/api/items" },
];

let readiness: ReadinessReport = { ready: true, checks: {} };

const handle: RouteHandler = async (request) => {
  if (request.params["id"] === "down") throw new DependencyError("inventory is failing", 503, "inventory");
  if (request.params["id"] === "boom") throw new Error("bug");
  return { status: 200, body: { params: request.params, received: request.body ?? null, requestId: request.requestId }, cache: "miss" };
};

describe("the HTTP server", () => {
  let app: App;
  let baseUrl = "";

  before(async () => {
    app = createApp({ routes, handle, readiness: async () => readiness, metrics: createMetrics("test"), logger: createLogger("test", "silent") });
    await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
    baseUrl = "http://127.0.0.1:" + (app.server.address() as AddressInfo).port;
  });

  after(async () => {
    await new Promise((resolve) => app.server.close(resolve));
  });

  it("answers liveness with 200", async () => {
    const response = await fetch(baseUrl + "/health");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
  });

  it("answers readiness with 503 and the details when a dependency is down", async () => {
    readiness = { ready: false, checks: { database: { status: "down", error: "refused" } } };
    const response = await fetch(baseUrl + "/ready");
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: "unavailable", checks: readiness.checks });
    readiness = { ready: true, checks: {} };
    assert.equal((await fetch(baseUrl + "/ready")).status, 200);
  });

  it("routes a request with its parameters and echoes the request id", async () => {
    const response = await fetch(baseUrl + "/api/items/7", { headers: { "x-request-id": "trace-1" } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("x-request-id"), "trace-1");
    assert.equal(response.headers.get("x-cache"), "miss");
    assert.deepEqual(await response.json(), { params: { id: "7" }, received: null, requestId: "trace-1" });
  });

  it("parses a JSON body and rejects one that is not JSON", async () => {
    const ok = await fetch(baseUrl + "/api/items", { method: "POST", body: JSON.stringify({ a: 1 }) });
    assert.deepEqual(((await ok.json()) as { received: unknown }).received, { a: 1 });
    const bad = await fetch(baseUrl + "/api/items", { method: "POST", body: "{" });
    assert.equal(bad.status, 400);
  });

  it("answers 404 for an unknown path and 405 with Allow for a known path", async () => {
    assert.equal((await fetch(baseUrl + "/nowhere")).status, 404);
    const response = await fetch(baseUrl + "/api/items", { method: "DELETE" });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "POST");
  });

  it("turns a failed dependency into its status and hides other errors behind a 500", async () => {
    const down = await fetch(baseUrl + "/api/items/down");
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { dependency: string }).dependency, "inventory");
    const bug = await fetch(baseUrl + "/api/items/boom");
    assert.equal(bug.status, 500);
    assert.equal(((await bug.json()) as { error: string }).error, "Internal error");
  });

  it("exposes Prometheus metrics labelled by route pattern", async () => {
    await fetch(baseUrl + "/api/items/1");
    const response = await fetch(baseUrl + "/metrics");
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain/);
    const text = await response.text();
    assert.match(text, /# TYPE http_requests_total counter/);
    assert.match(text, /http_requests_total\{[^}]*route="\/api\/items\/:id"[^}]*status="200"[^}]*\} \d+/);
  });

  it("answers 503 on readiness while draining", async () => {
    app.startDraining();
    const response = await fetch(baseUrl + "/ready");
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { status: string }).status, "draining");
  });
});

describe("requestIdFrom", () => {
  it("keeps a plain id and replaces anything else with a UUID", () => {
    assert.equal(requestIdFrom("abc-123"), "abc-123");
    assert.match(requestIdFrom("bad id\nforged"), /^[0-9a-f-]{36}$/);
    assert.match(requestIdFrom(undefined), /^[0-9a-f-]{36}$/);
    assert.match(requestIdFrom("x".repeat(200)), /^[0-9a-f-]{36}$/);
  });
});
`;
