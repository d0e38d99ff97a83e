import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRules } from "@/lib/rules/run-rules";
import { compliantStack } from "@/tests/helpers/design-builder";
import { runCli } from "../helpers/cli";
import { accepted, sketch } from "./support/unprotected-entry";


let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-validate-"));
  writeFileSync(join(directory, "sketch.json"), JSON.stringify(sketch));
  writeFileSync(join(directory, "good.json"), JSON.stringify(compliantStack().build()));
  writeFileSync(join(directory, "broken.json"), "{ not json");
  writeFileSync(join(directory, "invalid.json"), JSON.stringify({ schemaVersion: 1, name: "", components: [{ id: "x", kind: "teapot" }] }));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

describe("archway validate", () => {
  it("exits 0 and reports full scores for a design that follows every rule", async () => {
    const { code, stdout, stderr } = await run(["validate", "good.json"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain('Design "Fixture": 0 errors, 0 warnings, 0 info');
    expect(stdout).toContain("Scores: overall 100 · reliability 100 · security 100 · performance 100 · operations 100 · cost 100");
  });

  it("exits 1 and prints findings grouped by severity, with names, remediation and citations", async () => {
    const { code, stdout } = await run(["validate", "sketch.json"]);
    expect(code).toBe(1);
    const errors = stdout.indexOf("Errors:");
    const warnings = stdout.indexOf("Warnings:");
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    const wafBlock = stdout.slice(errors, warnings);
    expect(wafBlock).toContain("✗ Internet traffic passes a WAF before the load balancer or gateway [security] (waf-before-public-entry:lb)");
    expect(wafBlock).toContain("Requests reach Public LB from the internet without passing a WAF (Web client → Public LB).");
    expect(wafBlock).toContain("(automatic fix available in the editor)");
    expect(wafBlock).toContain('Source: seed 002, "Defense in Depth"; seed 003, "Application Load Balancer (ALB)"; seed 000, "AWS WAF"');
    expect(stdout.slice(warnings)).toContain("Public requests reach Orders without any rate limit");
  });

  it("prints the same result as the API with --json", async () => {
    const { code, stdout } = await run(["validate", "sketch.json", "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(runRules(sketch))));
  });

  it("reads standard input for -, and acknowledged errors do not fail the run", async () => {
    const { code, stdout } = await run(["validate", "-"], JSON.stringify(accepted));
    expect(code).toBe(0);
    expect(stdout).toContain("(1 acknowledged)");
    expect(stdout).toContain("Acknowledged: Internal demo behind the VPN");
  });

  it("exits 2 with the reason when the file cannot be read or is not JSON", async () => {
    const missing = await run(["validate", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^archway validate: cannot read nope\.json\n {2}\(document\): ENOENT/);
    const broken = await run(["validate", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("archway validate: broken.json is not a valid design\n  (document): Not valid JSON");
  });

  it("exits 2 listing every schema issue with its path, as text or JSON", async () => {
    const text = await run(["validate", "invalid.json"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("  name: A name cannot be empty");
    expect(text.stderr).toContain("  components.0.kind:");
    const json = await run(["validate", "invalid.json", "--json"]);
    expect(json.code).toBe(2);
    const body = JSON.parse(json.stdout);
    expect(body.error).toBe("invalid.json is not a valid design");
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(["name", "components.0.kind"]));
  });

  it("rejects no file (without a configuration), two standard inputs and unknown options with usage", async () => {
    for (const argv of [["validate"], ["validate", "-", "-"], ["validate", "good.json", "--yaml"]]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toContain("Usage: archway validate [FILE...] [--format text|json|sarif|junit]");
    }
  });

  it("runs as a process through bin/archway.mjs, with the exit status a CI pipeline needs", () => {
    const bin = join(process.cwd(), "bin", "archway.mjs");
    const failing = spawnSync(process.execPath, [bin, "validate", join(directory, "sketch.json")], { encoding: "utf8" });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain("Requests reach Public LB from the internet without passing a WAF");
    const passing = spawnSync(process.execPath, [bin, "validate", "-", "--json"], { encoding: "utf8", input: JSON.stringify(compliantStack().build()) });
    expect(passing.status).toBe(0);
    expect(JSON.parse(passing.stdout).scores.overall).toBe(100);
  });
});
