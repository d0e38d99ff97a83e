import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "@/lib/rules";
import { runCli } from "../helpers/cli";
import { accepted, sketch } from "./support/unprotected-entry";


const sarifSchema = JSON.parse(readFileSync(new URL("../data/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8"));
// The schema's language-tag pattern is not valid as a Unicode regular expression; it was written for ECMAScript's classic mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-reports-"));
  writeFileSync(join(directory, "sketch.json"), `${JSON.stringify(sketch, null, 2)}\n`);
  writeFileSync(join(directory, "accepted.json"), JSON.stringify(accepted, null, 2));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

/** 1-based line where the item with `id` opens in the pretty-printed file: the `{` on the line before its id. */
function lineOf(file: string, id: string): number {
  const lines = readFileSync(join(directory, file), "utf8").split("\n");
  const idLine = lines.findIndex((line) => line.includes(`"id": "${id}"`)) + 1;
  return idLine - 1;
}

describe("archway validate --format sarif", () => {
  it("writes a SARIF 2.1.0 log that the schema accepts, pointing each finding at its component's line", async () => {
    const { code, stdout, stderr } = await run(["validate", "sketch.json", "--format", "sarif"]);
    expect([code, stderr]).toEqual([1, ""]);
    const log = JSON.parse(stdout);
    expect(validSarif(log), JSON.stringify(validSarif.errors?.slice(0, 3))).toBe(true);
    const [run0] = log.runs;
    expect(run0.tool.driver.rules).toHaveLength(RULES.length);
    const waf = run0.results.find((result: { ruleId: string }) => result.ruleId === "waf-before-public-entry");
    expect(waf.level).toBe("error");
    expect(waf.locations[0].physicalLocation.artifactLocation.uri).toBe("sketch.json");
    expect(waf.locations[0].physicalLocation.region.startLine).toBe(lineOf("sketch.json", "lb"));
    expect(waf.locations[0].logicalLocations[0].name).toBe("Public LB");
    const rule = run0.tool.driver.rules[waf.ruleIndex];
    expect(rule.id).toBe("waf-before-public-entry");
    expect(rule.help.text).toMatch(/Sources: seed 00\d, "/);
  });

  it("reports an acknowledged finding as suppressed with the team's reason, and exits 0", async () => {
    const { code, stdout } = await run(["validate", "accepted.json", "--format", "sarif"]);
    const log = JSON.parse(stdout);
    expect(validSarif(log)).toBe(true);
    const waf = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === "waf-before-public-entry");
    expect(waf.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "Internal demo behind the VPN" }]);
    expect(code).toBe(0);
  });
});

describe("archway validate --format junit and --fail-on", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
  const cases = (xml: string) => {
    const document = parser.parse(xml);
    const suite = document.testsuites.testsuite;
    return { suite, testcases: [suite.testcase].flat() as { name: string; failure?: unknown; "system-out"?: string }[] };
  };

  it("writes one test case per rule, failing the rules with open errors", async () => {
    const { code, stdout } = await run(["validate", "sketch.json", "--format", "junit"]);
    expect(code).toBe(1);
    const { suite, testcases } = cases(stdout);
    expect(testcases).toHaveLength(RULES.length);
    expect(Number(suite.tests)).toBe(RULES.length);
    const failed = testcases.filter((testcase) => testcase.failure !== undefined).map((testcase) => testcase.name);
    expect(failed).toContain("waf-before-public-entry: Internet traffic passes a WAF before the load balancer or gateway");
    expect(Number(suite.failures)).toBe(failed.length);
  });

  it("fails on warnings too with --fail-on warning, and reads standard input", async () => {
    const errorsOnly = cases((await run(["validate", "-", "--format", "junit"], JSON.stringify(accepted))).stdout);
    const withWarnings = await run(["validate", "-", "--format", "junit", "--fail-on", "warning"], JSON.stringify(accepted));
    expect(withWarnings.code).toBe(1);
    const strict = cases(withWarnings.stdout);
    expect(strict.testcases.filter((testcase) => testcase.failure !== undefined).length).toBeGreaterThan(
      errorsOnly.testcases.filter((testcase) => testcase.failure !== undefined).length,
    );
    const text = await run(["validate", "accepted.json", "--fail-on", "warning"]);
    expect(text.code).toBe(1);
    expect((await run(["validate", "accepted.json"])).code).toBe(0);
  });

  it("refuses unknown formats and severities with usage", async () => {
    for (const argv of [["validate", "sketch.json", "--format", "yaml"], ["validate", "sketch.json", "--fail-on", "fatal"]]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toContain("Usage: archway validate [FILE...] [--format text|json|sarif|junit]");
    }
  });
});
