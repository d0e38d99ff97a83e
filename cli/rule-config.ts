import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { RULES } from "@/lib/rules";
import { ArchwayConfigSchema, configuredRules, RuleConfigError, type ArchwayConfig } from "@/lib/rules/custom/config";
import { defineRule, type RuleDefinition } from "@/lib/rules/support/define-rule";
import { CATEGORIES, SEVERITIES, type Rule } from "@/lib/rules/support/types";

/**
 * The repository's archway.config.json, read from the folder a command runs in (or --config): rule severities,
 * rules turned off, rules written as data, and rule modules, each a file whose default export is a rule definition
 * (or a list of them) in the shape defineRule takes, the one every built-in rule is written with.
 */

export const CONFIG_FILE = "archway.config.json";

export interface LoadedConfig {
  config: ArchwayConfig;
  rules: Rule[];
  /** Where the configuration was read from; undefined when there is none. */
  path?: string;
}

function isRuleDefinition(value: unknown): value is RuleDefinition {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "string" &&
    /^[a-z0-9][a-z0-9-]{0,62}$/.test(candidate.id) &&
    typeof candidate.title === "string" &&
    (SEVERITIES as readonly unknown[]).includes(candidate.severity) &&
    (CATEGORIES as readonly unknown[]).includes(candidate.category) &&
    typeof candidate.rationale === "string" &&
    typeof candidate.remediation === "string" &&
    typeof candidate.detect === "function"
  );
}

/** A module's rules: .ts files through tsx (as the CLI itself runs from source), .js and .mjs as they are. */
async function moduleRules(folder: string, path: string): Promise<Rule[]> {
  const file = resolve(folder, path);
  const url = pathToFileURL(file).href;
  // A specifier in a variable, so the CLI bundle leaves these imports to Node at run time.
  const tsxApi = "tsx/esm/api";
  const loaded: { default?: unknown } = [".ts", ".mts", ".cts"].includes(extname(file))
    ? await (await import(tsxApi)).tsImport(url, import.meta.url)
    : await import(url);
  // A module tsx loads as CommonJS (no "type": "module" above it) has its ES default export one level further down.
  const exported = isRuleDefinition(loaded.default) || Array.isArray(loaded.default) ? loaded.default : (loaded.default as { default?: unknown } | undefined)?.default;
  const definitions = Array.isArray(exported) ? exported : [exported];
  return definitions.map((definition, index) => {
    if (!isRuleDefinition(definition)) {
      throw new RuleConfigError(`${path}: export ${definitions.length > 1 ? `${index + 1} ` : ""}is not a rule definition (id, title, severity, category, rationale, remediation, detect)`);
    }
    return defineRule({ ...definition, citations: definition.citations ?? [] });
  });
}

export async function loadRuleConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === "ENOENT") return { config: {}, rules: [...RULES] };
    throw new RuleConfigError(`cannot read ${explicit ?? CONFIG_FILE}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuleConfigError(`${explicit ?? CONFIG_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ArchwayConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new RuleConfigError(`${explicit ?? CONFIG_FILE} is not a valid configuration:\n${parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`).join("\n")}`);
  }
  const folder = resolve(path, "..");
  const modules = (await Promise.all((parsed.data.ruleModules ?? []).map((module) => moduleRules(folder, module)))).flat();
  return { config: parsed.data, rules: configuredRules(RULES, parsed.data, modules), path };
}
