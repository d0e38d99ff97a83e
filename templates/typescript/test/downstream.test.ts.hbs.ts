/** Template of test/downstream.test.ts: the downstream client against a loopback HTTP server. */
export default String.raw`import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Registry } from "prom-client";
import type { DownstreamDefinition } from "../src/design.js";
import { DownstreamClient, createDownstreamMetrics } from "../src/downstream.js";
import { DependencyError } from "../src/handlers.js";
import { createLogger } from "../src/logger.js";

const hits = new Map<string, number>();

/** /api/items/:id echoes the request id; "flaky" fails once, "broken" always, "slow" answers too late. */
const callee: Server = createServer((request, response) => {
  const path = request.url ?? "/";
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (path === "/health") return send(200, { status: "ok" });
  if (path === "/api/items/flaky" && hits.get(path) === 1) return send(503, { error: "busy" });
  if (path === "/api/items/broken") return send(500, { error: "broken" });
  if (path === "/api/items/missing") return send(404, { error: "not found" });
  if (path === "/api/items/slow") {
    setTimeout(() => send(200, {}), 500);
    return undefined;
  }
  return send(200, { path, requestId: request.headers["x-request-id"] });
});

const definition: DownstreamDefinition = {
  id: "inventory",
  name: "Inventory",
  route: { method: "GET", path: "/api/items/:id" },
  timeoutMs: 200,
  retry: { enabled: true, maxRetries: 2, backoff: "exponential", baseDelayMs: 1, maxDelayMs: 5, jitter: true },
  circuitBreaker: { enabled: false, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 },
};

describe("DownstreamClient", () => {
  let client: DownstreamClient;

  before(async () => {
    await new Promise<void>((resolve) => callee.listen(0, "127.0.0.1", resolve));
    const baseUrl = "http://127.0.0.1:" + (callee.address() as AddressInfo).port + "/";
    client = new DownstreamClient(definition, baseUrl, createDownstreamMetrics(new Registry()), createLogger("test", "silent"));
  });

  after(async () => {
    await new Promise((resolve) => callee.close(resolve));
  });

  it("fills the callee's route and propagates the request id", async () => {
    const response = await client.call({ params: { id: "7" }, requestId: "trace-7", body: undefined });
    assert.deepEqual(response, { status: 200, body: { path: "/api/items/7", requestId: "trace-7" } });
  });

  it("retries a 503 and returns the next answer", async () => {
    const response = await client.call({ params: { id: "flaky" }, requestId: "r", body: undefined });
    assert.equal(response.status, 200);
    assert.equal(hits.get("/api/items/flaky"), 2);
  });

  it("returns a 404 as an answer, without retrying", async () => {
    const response = await client.call({ params: { id: "missing" }, requestId: "r", body: undefined });
    assert.equal(response.status, 404);
    assert.equal(hits.get("/api/items/missing"), 1);
  });

  it("fails with 502 once the retries are used up", async () => {
    await assert.rejects(client.call({ params: { id: "broken" }, requestId: "r", body: undefined }), (error: unknown) => {
      assert.ok(error instanceof DependencyError);
      assert.equal(error.status, 502);
      assert.equal(error.dependency, "inventory");
      return true;
    });
    assert.equal(hits.get("/api/items/broken"), 3);
  });

  it("fails with 504 when the callee does not answer within the timeout", async () => {
    await assert.rejects(client.call({ params: { id: "slow" }, requestId: "r", body: undefined }), (error: unknown) => {
      assert.ok(error instanceof DependencyError);
      assert.equal(error.status, 504);
      return true;
    });
  });

  it("checks the callee's liveness endpoint for readiness", async () => {
    await client.checkHealth(AbortSignal.timeout(1000));
  });
});
`;
