import { z } from "zod";
import { COMPONENT_KIND_IDS } from "../../catalog";
import { ZONE_KINDS } from "../../catalog/zones";
import { CATEGORIES, SEVERITIES } from "../support/types";

/**
 * An organisation's own rules, written as data: which components a rule looks at (`when`) and what must hold for each
 * (`require`), from a documented set of conditions over settings and the graph. A component that fails any condition
 * gets a finding naming the conditions it fails. Checked by this schema wherever it is loaded, with every failing path.
 */

const kinds = z.array(z.enum(COMPONENT_KIND_IDS)).min(1);

export const CustomConditionSchema = z.union([
  z
    .object({
      setting: z.string().regex(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)*$/, "A dotted settings path such as backupRetentionDays or autoscaling.maxReplicas"),
      atLeast: z.number().optional(),
      atMost: z.number().optional(),
      equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
      oneOf: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
    })
    .strict()
    .refine((condition) => ["atLeast", "atMost", "equals", "oneOf"].some((key) => key in condition), "Say what the setting must be: atLeast, atMost, equals or oneOf")
    .describe("A setting of the component (its catalogue settings, defaults filled in)."),
  z.object({ frontedBy: kinds }).strict().describe("Internet traffic reaching it has passed one of these kinds first."),
  z.object({ calls: kinds }).strict().describe("It calls at least one component of these kinds."),
  z.object({ calledOnlyBy: kinds }).strict().describe("Everything that calls it is of these kinds."),
  z.object({ reachableFromInternet: z.boolean() }).strict().describe("Whether internet traffic reaches it through clients and forwarding components only."),
  z.object({ inZoneKind: z.enum(ZONE_KINDS) }).strict().describe("It is placed inside a zone of this kind."),
]);
export type CustomCondition = z.infer<typeof CustomConditionSchema>;

export const CustomRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "A rule id is lowercase letters, digits and hyphens"),
    title: z.string().min(1).max(200),
    severity: z.enum(SEVERITIES),
    category: z.enum(CATEGORIES),
    rationale: z.string().min(1).max(2000),
    remediation: z.string().min(1).max(2000),
    source: z.string().max(500).optional().describe("Where the rule comes from: a handbook section, an ADR, a link."),
    when: z.object({ kinds, nameMatches: z.string().max(200).optional().describe("A regular expression the component's name must match.") }).strict(),
    require: z.array(CustomConditionSchema).min(1).max(20),
  })
  .strict();
export type CustomRule = z.infer<typeof CustomRuleSchema>;
