import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designBuilder } from "@/tests/helpers/design-builder";
import { runCli } from "../helpers/cli";

/** Web → Orders API → Orders DB, before and after the review: the API renamed and scaled down, a cache added. */
function shop(change: boolean) {
  const builder = designBuilder()
    .component("client", "web", { name: "Web", config: { requestsPerSecond: 1500 } })
    .component("service", "api", { name: change ? "Orders API" : "API", config: { replicas: change ? 2 : 4, autoscaling: { enabled: false } } })
    .component("database", "db", { name: "Orders DB" })
    .connect("web", "api")
    .connect("api", "db");
  return change ? builder.component("cache", "redis", { name: "Redis" }).connect("api", "redis").build() : builder.build();
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-diff-"));
  writeFileSync(join(directory, "old.json"), JSON.stringify(shop(false)));
  writeFileSync(join(directory, "new.json"), JSON.stringify(shop(true)));
  writeFileSync(join(directory, "broken.json"), "{ not json");
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

describe("archway diff", () => {
  it("prints items, settings, findings and the simulation's change", async () => {
    const { code, stdout, stderr } = await run(["diff", "old.json", "new.json"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("Components: 1 added, 0 removed, 1 changed");
    expect(stdout).toContain("  + Redis (cache)");
    expect(stdout).toContain('  ~ Orders API (service), renamed from "API"');
    expect(stdout).toContain("      config.replicas: 4 → 2");
    expect(stdout).toContain("  + Orders API → Redis (connection)");
    expect(stdout).toMatch(/Findings: \d+ new, \d+ resolved/);
    expect(stdout).toMatch(/Orders API: utilisation [\d.]+ % → [\d.]+ %/);
  });

  it("reads one side from standard input and writes Markdown or JSON", async () => {
    const markdown = await run(["diff", "old.json", "-", "--markdown"], JSON.stringify(shop(true)));
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("### Components");
    expect(markdown.stdout).toContain("- **Added** Redis (cache)");
    const json = await run(["diff", "old.json", "new.json", "--json", "--spike", "2"]);
    const diff = JSON.parse(json.stdout);
    expect(diff.simulation.loadMultiplier).toBe(2);
    expect(diff.components.changed[0]).toMatchObject({ id: "api", renamedFrom: "API", settings: [{ path: "config.replicas", from: 4, to: 2 }] });
  });

  it("exits 2 with the reason for a bad input or bad arguments", async () => {
    const broken = await run(["diff", "old.json", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("archway diff: broken.json is not a valid design");
    const one = await run(["diff", "old.json"]);
    expect([one.code, one.stderr]).toEqual([2, expect.stringContaining("give two design files, OLD and NEW")]);
    const both = await run(["diff", "-", "-"]);
    expect(both.stderr).toContain("only one of OLD and NEW can be standard input");
  });
});
