import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { SEED_DOCUMENTS } from "../model/citation";
import { RULES } from "./index";
import { CATEGORIES, SEVERITIES, type Rule } from "./support/types";

const rulesDirectory = fileURLToPath(new URL(".", import.meta.url));
const seedsDirectory = fileURLToPath(new URL("../../docs/seeds/", import.meta.url));
/** Files in lib/rules that are the engine, not rules. */
const ENGINE_FILES = new Set(["index.ts", "run-rules.ts", "testing.ts"]);

const ruleFiles = readdirSync(rulesDirectory)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !ENGINE_FILES.has(file))
  .map((file) => file.slice(0, -".ts".length))
  .sort();

function isRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && "id" in value && "check" in value;
}

describe("rule catalogue", () => {
  test("has at least 30 rules", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
  });

  test("every rule file is registered in lib/rules/index.ts, and only those", () => {
    expect(RULES.map((rule) => rule.id).sort(), "add `<id>` to RULES in lib/rules/index.ts (or remove the stale entry)").toEqual(ruleFiles);
  });

  test("the registry is sorted by id", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids, "keep RULES in lib/rules/index.ts in alphabetical order").toEqual([...ids].sort());
  });

  test.each(ruleFiles)("%s.ts exports the rule whose id is its file name", async (file) => {
    const module = (await import(`./${file}.ts`)) as Record<string, unknown>;
    const exported = Object.values(module).filter(isRule);
    expect(exported.map((rule) => rule.id), `lib/rules/${file}.ts must export exactly one rule with id "${file}"`).toEqual([file]);
  });

  test.each(ruleFiles)("%s has a test beside it", (file) => {
    expect(existsSync(`${rulesDirectory}${file}.test.ts`), `add lib/rules/${file}.test.ts with passing and failing fixtures`).toBe(true);
  });

  test.each(RULES.map((rule) => [rule.id, rule] as const))("%s has metadata, remediation and resolvable seed citations", (_id, rule) => {
    expect(rule.title.trim()).not.toBe("");
    expect(rule.rationale.trim().length, "explain why the rule matters").toBeGreaterThan(40);
    expect(rule.remediation.trim(), "say how to fix a finding").not.toBe("");
    expect(SEVERITIES).toContain(rule.severity);
    expect(CATEGORIES).toContain(rule.category);
    expect(rule.citations.length, "cite at least one seed section").toBeGreaterThan(0);
    for (const citation of rule.citations) {
      const text = readFileSync(`${seedsDirectory}${SEED_DOCUMENTS[citation.doc]}`, "utf8");
      expect(text.includes(citation.section), `seed ${citation.doc} must contain "${citation.section}" verbatim`).toBe(true);
    }
  });
});
