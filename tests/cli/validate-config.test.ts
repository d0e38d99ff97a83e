import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designBuilder } from "@/tests/helpers/design-builder";
import { runCli } from "../helpers/cli";

/** Web → public LB → Orders → Orders DB (7 days of backups) and a Redis the LB also reaches. */
const shop = designBuilder()
  .component("client", "web", { name: "Web" })
  .component("load-balancer", "lb", { name: "Public LB" })
  .component("service", "orders", { name: "Orders" })
  .component("database", "db", { name: "Orders DB" })
  .component("cache", "redis", { name: "Redis" })
  .connect("web", "lb")
  .connect("lb", "orders")
  .connect("orders", "db")
  .connect("lb", "redis")
  .build();

const CUSTOM_RULES = [
  {
    id: "org-backups-two-weeks",
    title: "Databases keep two weeks of backups",
    severity: "error",
    category: "reliability",
    rationale: "Our audit requires restoring any day of the last two weeks.",
    remediation: "Set backup retention to 14 days or more.",
    source: "Platform handbook, section 4.2",
    when: { kinds: ["database"] },
    require: [{ setting: "backupRetentionDays", atLeast: 14 }],
  },
  {
    id: "org-caches-private",
    title: "Caches are never reached from the internet",
    severity: "warning",
    category: "security",
    rationale: "Caches hold session data.",
    remediation: "Put a service in front of the cache.",
    when: { kinds: ["cache"] },
    require: [{ reachableFromInternet: false }, { calledOnlyBy: ["service", "worker"] }],
  },
];

const MODULE_RULE = `
export default {
  id: "org-services-named-api",
  title: "Services end their name in API",
  severity: "info",
  category: "operations",
  rationale: "Dashboards group services by the API suffix.",
  remediation: "Rename the service.",
  detect(design) {
    return design.components
      .filter((component) => component.kind === "service" && !/API$/.test(component.name))
      .map((component) => ({ targetId: component.id, message: \`\${component.name} does not end in API.\`, componentIds: [component.id] }));
  },
};
`;

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-config-"));
  mkdirSync(join(directory, "architecture"));
  mkdirSync(join(directory, "rules"));
  writeFileSync(join(directory, "architecture", "shop.archway.json"), JSON.stringify(shop, null, 2));
  writeFileSync(join(directory, "architecture", "copy.archway.json"), JSON.stringify({ ...shop, name: "Copy" }, null, 2));
  writeFileSync(join(directory, "rules", "service-names.ts"), MODULE_RULE);
  writeFileSync(
    join(directory, "archway.config.json"),
    JSON.stringify({
      designs: ["architecture/*.archway.json"],
      rules: { "waf-before-public-entry": "warning", "cache-replica": "off" },
      customRules: CUSTOM_RULES,
      ruleModules: ["rules/service-names.ts"],
    }),
  );
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], cwd = directory) => runCli(argv, { cwd });

describe("archway validate with archway.config.json", () => {
  it("checks the files the globs match with the configured severities, the rules written as data and the rule module", async () => {
    const { code, stdout } = await run(["validate", "--format", "json"]);
    expect(code).toBe(1);
    const { files } = JSON.parse(stdout);
    expect(files.map((file: { file: string }) => file.file)).toEqual(["architecture/copy.archway.json", "architecture/shop.archway.json"]);
    const findings = files[1].findings as { ruleId: string; severity: string; message: string }[];
    const byRule = (id: string) => findings.filter((finding) => finding.ruleId === id);
    expect(byRule("waf-before-public-entry").every((finding) => finding.severity === "warning")).toBe(true);
    expect(byRule("cache-replica")).toEqual([]);
    expect(byRule("org-backups-two-weeks")[0]).toMatchObject({ severity: "error", message: "Orders DB: backupRetentionDays is 7, not at least 14." });
    expect(byRule("org-caches-private")[0].message).toBe("Redis: internet traffic reaches it and it is called by Public LB.");
    expect(byRule("org-services-named-api")[0]).toMatchObject({ severity: "info", message: "Orders does not end in API." });
  });

  it("puts the team's rules into SARIF and JUnit like the built-in ones", async () => {
    const sarif = JSON.parse((await run(["validate", "--format", "sarif"])).stdout);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    expect(ajv.validate(JSON.parse(readFileSync(new URL("../data/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8")), sarif)).toBe(true);
    const rules = sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(rules).toEqual(expect.arrayContaining(["org-backups-two-weeks", "org-caches-private", "org-services-named-api"]));
    expect(rules).not.toContain("cache-replica");
    expect(sarif.runs[0].artifacts).toHaveLength(2);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse((await run(["validate", "--format", "junit"])).stdout);
    expect([junit.testsuites.testsuite].flat()).toHaveLength(2);
  });

  it("refuses a configuration that names unknown rules or breaks the schema, with the path", async () => {
    const bad = mkdtempSync(join(tmpdir(), "archway-config-bad-"));
    try {
      writeFileSync(join(bad, "archway.config.json"), JSON.stringify({ rules: { "no-such-rule": "off" } }));
      writeFileSync(join(bad, "d.json"), JSON.stringify(shop));
      const unknown = await run(["validate", "d.json"], bad);
      expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("names rules that do not exist: no-such-rule")]);
      writeFileSync(join(bad, "archway.config.json"), JSON.stringify({ customRules: [{ ...CUSTOM_RULES[0], require: [{ setting: "backupRetentionDays" }] }] }));
      const schema = await run(["validate", "d.json"], bad);
      expect(schema.stderr).toContain("customRules.0.require.0");
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
