import { z } from "zod";
import { SEVERITIES, type Rule } from "../support/types";
import { ruleFromData } from "./data-rule";
import { CustomRuleSchema } from "./schema";

/**
 * `archway.config.json`, a repository's rule configuration in the style of eslint's: which design files to check,
 * the severity of each rule or "off", the organisation's own rules as data, and TypeScript rule modules to load.
 */
export const ArchwayConfigSchema = z
  .object({
    $schema: z.string().optional(),
    designs: z.array(z.string().min(1)).max(100).optional().describe("Globs of the design files `archway validate` checks when given no FILE."),
    rules: z.record(z.string(), z.enum(["off", ...SEVERITIES])).optional().describe("A rule id → its severity, or off."),
    customRules: z.array(CustomRuleSchema).max(200).optional().describe("Rules written as data."),
    ruleModules: z.array(z.string().min(1)).max(50).optional().describe("Paths of TypeScript or JavaScript modules whose default export is a rule (or a list of rules)."),
  })
  .strict();
export type ArchwayConfig = z.infer<typeof ArchwayConfigSchema>;

export class RuleConfigError extends Error {}

/** The rules a configuration asks for: built-ins with their severities changed or left out, then the custom ones. */
export function configuredRules(builtIn: readonly Rule[], config: ArchwayConfig, moduleRules: readonly Rule[] = []): Rule[] {
  const custom = [...(config.customRules ?? []).map(ruleFromData), ...moduleRules];
  const known = new Set(builtIn.map((rule) => rule.id));
  for (const rule of custom) {
    if (known.has(rule.id)) throw new RuleConfigError(`Custom rule "${rule.id}" has the id of another rule; give it its own`);
    known.add(rule.id);
  }
  const unknown = Object.keys(config.rules ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RuleConfigError(`archway.config.json names rules that do not exist: ${unknown.join(", ")}`);
  return [...builtIn, ...custom].flatMap((rule) => {
    const setting = config.rules?.[rule.id];
    if (setting === "off") return [];
    if (setting === undefined || setting === rule.severity) return [rule];
    return [withSeverity(rule, setting)];
  });
}

function withSeverity(rule: Rule, severity: Rule["severity"]): Rule {
  return { ...rule, severity, check: (design, context) => rule.check(design, context).map((finding) => ({ ...finding, severity })) };
}
