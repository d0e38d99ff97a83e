import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { toZip } from "@/lib/generators/to-zip";
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
import { ARCHWAY_TEST_VERSION, EXPORT_DESIGN } from "./support/export-design";

/**
 * The exported zip as a team would use it: unzipped into an empty folder, installed with one root
 * `npm install`, linted, tested with the root `npm test` (every service through the workspace) and built;
 * then both services run from the unzipped tree against a real PostgreSQL and Redis on loopback.
 */

const SHUTDOWN_LIMIT_MS = 10_000;

describe("the exported starter repository, unzipped", () => {
  let root = "";
  let redis: TestRedis | undefined;
  let postgres: TestPostgres | undefined;
  const running = new Map<string, RunningService>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "archway-export-"));
    const unzipped = unzipSync(toZip(starterRepoFiles(EXPORT_DESIGN, { archwayVersion: ARCHWAY_TEST_VERSION })));
    await writeGeneratedFiles(
      root,
      Object.entries(unzipped).map(([name, bytes]) => ({ path: name, contents: strFromU8(bytes) })),
    );
    // npm's own cache (~/.npm) makes repeated runs install from disk.
    await runCommand("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], root, 240_000);
  }, 300_000);

  afterAll(async () => {
    for (const service of running.values()) service.kill();
    await redis?.stop();
    await postgres?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  }, 60_000);

  it("installs both services as one npm workspace", async () => {
    const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
    expect(manifest.workspaces).toEqual(["services/*"]);
    // npm links each workspace package into the root node_modules.
    expect((await readdir(path.join(root, "node_modules", "@services"))).sort()).toEqual(["inventory", "orders"]);
  });

  it("passes npm run lint and the root npm test, which runs every service's tests", async () => {
    await runCommand("npm", ["run", "lint"], root, 180_000);
    const output = await runCommand("npm", ["test"], root, 240_000);
    for (const service of ["@services/inventory", "@services/orders"]) expect(output).toContain(`> ${service}@0.1.0 test`);
    expect(output.match(/^# fail 0$/gm)).toHaveLength(2);
    expect(output).not.toMatch(/^# fail [1-9]/m);
  }, 300_000);

  it("builds with the root npm run build", async () => {
    await runCommand("npm", ["run", "build"], root, 180_000);
  }, 180_000);

  it("runs both services against PostgreSQL and Redis: probes, a call through both, a cached second read", async () => {
    [redis, postgres] = await Promise.all([startTestRedis(), startTestPostgres()]);
    const databaseUrl = await postgres.createDatabase();
    const ports = { inventory: await freeLoopbackPort(), orders: await freeLoopbackPort() };
    const directory = (service: string) => path.join(root, "services", service);
    running.set("inventory", await startService("inventory", directory("inventory"), ports.inventory, { DATABASE_URL: databaseUrl }));
    running.set(
      "orders",
      await startService("orders", directory("orders"), ports.orders, { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, INVENTORY_URL: `http://127.0.0.1:${ports.inventory}` }),
    );
    const orders = running.get("orders") as RunningService;
    const inventory = running.get("inventory") as RunningService;

    for (const service of running.values()) {
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
      await waitForStatus(service, `${service.baseUrl}/ready`, 200);
    }

    const created = await fetch(`${orders.baseUrl}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "export-create" },
      body: JSON.stringify({ id: "order-1", total: 42 }),
    });
    expect(created.status).toBe(201);

    const first = await fetch(`${orders.baseUrl}/api/orders/order-1`, { headers: { "x-request-id": "export-read-1" } });
    const firstBody = (await first.json()) as { item: { data: unknown }; downstream: { inventory: { body: { requestId: string } } } };
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(firstBody.item.data).toEqual({ id: "order-1", total: 42 });
    expect(firstBody.downstream.inventory.body.requestId).toBe("export-read-1");
    await waitForOutput(inventory, '"requestId":"export-read-1"');

    const second = await fetch(`${orders.baseUrl}/api/orders/order-1`, { headers: { "x-request-id": "export-read-2" } });
    expect(second.status).toBe(200);
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(inventory.output()).not.toContain('"requestId":"export-read-2"');

    const metrics = await (await fetch(`${orders.baseUrl}/metrics`)).text();
    expect(metric(metrics, "cache_hits_total")).toBeGreaterThanOrEqual(1);
    expect(metric(metrics, "cache_misses_total")).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("stops both services cleanly on SIGTERM", async () => {
    expect(running.size).toBe(2);
    for (const name of ["orders", "inventory"]) {
      const service = running.get(name) as RunningService;
      await expect(service.terminate(SHUTDOWN_LIMIT_MS)).resolves.toBe(0);
      expect(service.output()).toContain('"msg":"stopped"');
    }
  }, 60_000);
});
