import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designBuilder } from "@/tests/helpers/design-builder";
import { simulate } from "@/lib/simulation";
import { runCli } from "../helpers/cli";

/** Web → Orders API → Redis (85 % hits) and a database that takes 800 queries/s, cache-aside. */
const cached = designBuilder()
  .component("client", "web", { name: "Web", config: { requestsPerSecond: 1000, readPercent: 100 } })
  .component("service", "api", { name: "Orders API", config: { replicas: 4, autoscaling: { enabled: false } } })
  .component("cache", "redis", { name: "Redis" })
  .component("database", "db", { name: "Orders DB", config: { capacityPerInstance: 800 } })
  .connect("web", "api")
  .connect("api", "redis")
  .connect("api", "db")
  .build();

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-simulate-"));
  writeFileSync(join(directory, "cached.json"), JSON.stringify(cached));
  writeFileSync(join(directory, "broken.json"), "{ not json");
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

describe("archway simulate", () => {
  it("exits 0 when every path is healthy, listing utilisation, paths and the bottleneck", async () => {
    const { code, stdout, stderr } = await run(["simulate", "cached.json"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain('Design "Fixture": availability 100 %');
    expect(stdout).toContain("✓ Orders DB: 18.8 % of capacity (150 of 800/s), ok");
    expect(stdout).toContain("[healthy] Web → Orders API → Orders DB");
    expect(stdout).toContain("Bottleneck: Orders API at 50 % of its capacity (1,000 of 2,000 requests/s).");
  });

  it("--fail takes a name or an id, exits 1 and explains the fallback", async () => {
    const { code, stdout } = await run(["simulate", "cached.json", "--fail", "Redis"]);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ Orders DB: 125 % of capacity (1,000 of 800/s), overloaded");
    expect(stdout).toContain("Redis down: cache-aside falls back to Orders DB, whose load rises from 150 to 1,000 QPS, above its 800 QPS capacity.");
    expect((await run(["simulate", "cached.json", "--fail", "redis"])).stdout).toBe(stdout);
  });

  it("--rps sets every entry point's load, --spike multiplies it, --json prints the API body", async () => {
    const { code, stdout } = await run(["simulate", "-", "--rps", "100", "--spike", "10", "--json"], JSON.stringify(cached));
    expect(code).toBe(0);
    const expected = simulate(cached, { entryLoads: { web: { rps: 100 } }, loadMultiplier: 10 });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.components.db.offeredRps).toBeCloseTo(150);
  });

  it("exits 2 on unreadable input, an invalid design, unknown names and bad options", async () => {
    const broken = await run(["simulate", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("broken.json is not a valid design");
    const unknown = await run(["simulate", "cached.json", "--fail", "Kafka", "--fail-zone", "az-z"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--fail: No component with id or name "Kafka"');
    expect(unknown.stderr).toContain('--fail-zone: No zone with id or name "az-z"');
    const badNumber = await run(["simulate", "cached.json", "--rps", "lots"]);
    expect([badNumber.code, badNumber.stderr]).toEqual([2, expect.stringContaining("--rps needs a number of 0 or more")]);
    expect((await run(["simulate"])).stderr).toContain("Usage: archway simulate FILE");
  });
});
