import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTypescriptServices } from "@/lib/generators/typescript";
import { DesignSchema } from "@/lib/model";
import { startTestPostgres, type TestPostgres } from "../helpers/postgres";
import { startTestRedis, type TestRedis } from "../helpers/typescript-redis";
import {
  freeLoopbackPort,
  metric,
  runCommand,
  startService,
  waitForOutput,
  waitForStatus,
  writeGeneratedFiles,
  type RunningService,
} from "../helpers/typescript-services";
import { EXPORT_DESIGN_INPUT } from "../export/support/export-design";

/**
 * The generated services for real: installed from the npm registry, type-checked, built, unit-tested,
 * then started against a real PostgreSQL and Redis. The export's proof design ("orders" calls "inventory",
 * reads through a cache, stores in a database) plus a queue that "orders" publishes to and the "mailer" worker
 * consumes.
 */
const design = DesignSchema.parse({
  ...EXPORT_DESIGN_INPUT,
  name: "Runtime proof",
  components: [
    ...EXPORT_DESIGN_INPUT.components,
    { id: "jobs", kind: "queue", name: "Jobs", position: { x: 0, y: 400 }, config: { visibilityTimeoutSeconds: 1 } },
    { id: "mailer", kind: "worker", name: "Mailer", position: { x: 300, y: 400 } },
  ],
  connections: [
    ...EXPORT_DESIGN_INPUT.connections,
    { id: "orders-jobs", source: "orders", target: "jobs", protocol: "async" },
    { id: "jobs-mailer", source: "jobs", target: "mailer", protocol: "async" },
    { id: "mailer-postgres", source: "mailer", target: "postgres", protocol: "tcp" },
  ],
});

const SERVICES = ["inventory", "mailer", "orders"] as const;
const SHUTDOWN_LIMIT_MS = 10_000;

describe("generated TypeScript services", () => {
  let workspace = "";
  let redis: TestRedis | undefined;
  let postgres: TestPostgres | undefined;
  const running = new Map<string, RunningService>();

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), "archway-typescript-"));
    await writeGeneratedFiles(workspace, generateTypescriptServices(design));
    await writeFile(
      path.join(workspace, "package.json"),
      JSON.stringify({ name: "runtime-proof", private: true, workspaces: ["services/*"] }, null, 2),
    );
    // npm's own cache (~/.npm) makes repeated runs install from disk.
    await runCommand("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], workspace, 240_000);
  }, 300_000);

  afterAll(async () => {
    for (const service of running.values()) service.kill();
    await redis?.stop();
    await postgres?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  }, 60_000);

  it("type-checks every service, sources and tests", async () => {
    const tsc = path.join(workspace, "node_modules", "typescript", "bin", "tsc");
    for (const service of SERVICES) {
      await runCommand(process.execPath, [tsc, "--noEmit", "-p", path.join("services", service, "tsconfig.test.json")], workspace, 120_000);
    }
  }, 180_000);

  it("builds with npm run build", async () => {
    await runCommand("npm", ["run", "build", "--workspaces"], workspace, 180_000);
  }, 180_000);

  it("passes each service's own tests with npm test, without any server", async () => {
    const output = await runCommand("npm", ["test", "--workspaces"], workspace, 180_000);
    expect(output).toMatch(/# fail 0/);
    expect(output).not.toMatch(/# fail [1-9]/);
  }, 180_000);

  it("runs against PostgreSQL and Redis: probes, a call through both services, cache hits, queue, metrics", async () => {
    [redis, postgres] = await Promise.all([startTestRedis(), startTestPostgres()]);
    const databaseUrl = await postgres.createDatabase();
    const ports = { inventory: await freeLoopbackPort(), mailer: await freeLoopbackPort(), orders: await freeLoopbackPort() };
    const directory = (service: string) => path.join(workspace, "services", service);

    running.set("inventory", await startService("inventory", directory("inventory"), ports.inventory, { DATABASE_URL: databaseUrl }));
    running.set("mailer", await startService("mailer", directory("mailer"), ports.mailer, { DATABASE_URL: databaseUrl, JOBS_QUEUE_URL: redis.url }));
    running.set(
      "orders",
      await startService("orders", directory("orders"), ports.orders, {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        JOBS_QUEUE_URL: redis.url,
        INVENTORY_URL: `http://127.0.0.1:${ports.inventory}`,
      }),
    );
    const orders = running.get("orders") as RunningService;
    const inventory = running.get("inventory") as RunningService;
    const mailer = running.get("mailer") as RunningService;

    for (const service of running.values()) {
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
      await waitForStatus(service, `${service.baseUrl}/ready`, 200);
    }
    const readiness = (await (await fetch(`${orders.baseUrl}/ready`)).json()) as { checks: Record<string, { status: string }> };
    expect(Object.keys(readiness.checks).sort()).toEqual(["cache", "database", "downstream:inventory", "queue:jobs"]);

    const created = await fetch(`${orders.baseUrl}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "proof-create" },
      body: JSON.stringify({ id: "order-1", total: 42 }),
    });
    expect(created.status).toBe(201);

    const first = await fetch(`${orders.baseUrl}/api/orders/order-1`, { headers: { "x-request-id": "proof-read-1" } });
    const firstBody = (await first.json()) as { item: { data: unknown }; downstream: { inventory: { status: number; body: { requestId: string } } } };
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(firstBody.item.data).toEqual({ id: "order-1", total: 42 });
    // inventory answered (404: it holds no such item) and saw the propagated request id.
    expect(firstBody.downstream.inventory.status).toBe(404);
    expect(firstBody.downstream.inventory.body.requestId).toBe("proof-read-1");
    await waitForOutput(inventory, '"requestId":"proof-read-1"');

    const second = await fetch(`${orders.baseUrl}/api/orders/order-1`, { headers: { "x-request-id": "proof-read-2" } });
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(((await second.json()) as { requestId: string }).requestId).toBe("proof-read-2");
    expect(inventory.output()).not.toContain('"requestId":"proof-read-2"');

    const metrics = await fetch(`${orders.baseUrl}/metrics`);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const metricsText = await metrics.text();
    expect(metricsText).toMatch(/^# HELP /m);
    expect(metricsText).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(metric(metricsText, "cache_hits_total")).toBeGreaterThanOrEqual(1);
    expect(metric(metricsText, "cache_misses_total")).toBeGreaterThanOrEqual(1);
    expect(metric(metricsText, "http_requests_total", 'route="/api/orders/:id"')).toBeGreaterThanOrEqual(2);
    expect(metric(metricsText, "queue_messages_published_total", 'queue="jobs"')).toBe(1);

    // The worker consumed the event of the write and logged the producer's request id.
    for (let attempt = 0; metric(await (await fetch(`${mailer.baseUrl}/metrics`)).text(), "queue_messages_processed_total", 'outcome="success"') < 1; attempt += 1) {
      if (attempt > 200) throw new Error(`The worker processed no message:\n${mailer.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitForOutput(mailer, '"requestId":"proof-create"');
  }, 120_000);

  it("exits with code 0 within 10 s of SIGTERM", async () => {
    expect(running.size).toBe(3);
    for (const name of ["orders", "mailer", "inventory"]) {
      const service = running.get(name) as RunningService;
      await expect(service.terminate(SHUTDOWN_LIMIT_MS)).resolves.toBe(0);
      expect(service.output()).toContain('"msg":"stopped"');
    }
  }, 60_000);
});
