import { z } from "zod";

/**
 * The inspector's form, described as data: walked from the JSON Schema that zod generates for a kind's
 * config (`z.toJSONSchema(schema, { io: "input" })`), so a new setting in the catalog shows up in the
 * inspector with its limits and its seed-citing help text, and nobody writes a form by hand.
 */
interface FieldBase {
  key: string;
  path: readonly string[];
  label: string;
  help?: string;
  /** False when the setting may be left empty (no default, not required). */
  required: boolean;
}

export type FieldSpec =
  | (FieldBase & { type: "boolean" })
  | (FieldBase & { type: "number"; integer: boolean; min?: number; max?: number })
  | (FieldBase & { type: "string"; pattern?: string; minLength?: number; maxLength?: number })
  | (FieldBase & { type: "enum"; options: readonly string[] })
  | (FieldBase & { type: "object"; fields: readonly FieldSpec[] })
  | (FieldBase & { type: "enum-list"; options: readonly string[]; maxItems?: number })
  | (FieldBase & { type: "object-list"; item: readonly FieldSpec[]; itemDefaults: Record<string, unknown>; maxItems?: number });

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  anyOf?: JsonSchema[];
}

const WORDS: Record<string, string> = {
  acm: "ACM",
  api: "API",
  az: "AZ",
  cdn: "CDN",
  cidr: "CIDR",
  cors: "CORS",
  cpu: "CPU",
  dns: "DNS",
  http: "HTTP",
  https: "HTTPS",
  id: "ID",
  ip: "IP",
  p99: "p99",
  tls: "TLS",
  ttl: "TTL",
  url: "URL",
  vpc: "VPC",
  waf: "WAF",
};

const UNITS: [suffix: string, unit: string][] = [
  ["Seconds", "s"],
  ["Ms", "ms"],
  ["Percent", "%"],
  ["Gb", "GiB"],
  ["Days", "days"],
];

/** "healthCheck" → "Health check", "intervalSeconds" → "Interval (s)", "multiAz" → "Multi-AZ". */
export function humanizeKey(key: string): string {
  if (key === "multiAz") return "Multi-AZ";
  let base = key;
  let unit: string | undefined;
  for (const [suffix, symbol] of UNITS) {
    if (base.endsWith(suffix) && base.length > suffix.length) {
      base = base.slice(0, -suffix.length);
      unit = symbol;
      break;
    }
  }
  const words = base
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(" ")
    .filter(Boolean)
    .map((word) => WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const sentence = words.join(" ").replace(/^[a-z]/, (letter) => letter.toUpperCase());
  return unit ? `${sentence} (${unit})` : sentence;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== "null");
  return schema.type;
}

function fieldFrom(key: string, schema: JsonSchema, path: readonly string[], required: boolean): FieldSpec | null {
  const base: FieldBase = { key, path, label: humanizeKey(key), required, ...(schema.description ? { help: schema.description } : {}) };
  if (schema.enum && schema.enum.every((option) => typeof option === "string")) return { ...base, type: "enum", options: schema.enum as string[] };
  const type = typeOf(schema);
  if (type === "boolean") return { ...base, type: "boolean" };
  if (type === "integer" || type === "number") {
    return {
      ...base,
      type: "number",
      integer: type === "integer",
      ...(schema.minimum !== undefined ? { min: schema.minimum } : schema.exclusiveMinimum !== undefined ? { min: schema.exclusiveMinimum } : {}),
      ...(schema.maximum !== undefined ? { max: schema.maximum } : schema.exclusiveMaximum !== undefined ? { max: schema.exclusiveMaximum } : {}),
    };
  }
  if (type === "string") {
    return {
      ...base,
      type: "string",
      ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
      ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
      ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
    };
  }
  if (type === "object" && schema.properties) return { ...base, type: "object", fields: fieldsOf(schema, path) };
  if (type === "array" && schema.items) {
    const items = schema.items;
    const maxItems = schema.maxItems === undefined ? {} : { maxItems: schema.maxItems };
    if (items.enum && items.enum.every((option) => typeof option === "string")) return { ...base, type: "enum-list", options: items.enum as string[], ...maxItems };
    if (typeOf(items) === "object" && items.properties) {
      const itemDefaults: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(items.properties)) {
        if (property.default !== undefined) itemDefaults[name] = property.default;
        else if (property.enum && property.enum.length > 0) itemDefaults[name] = property.enum[0];
        else if (typeOf(property) === "string") itemDefaults[name] = property.pattern?.startsWith("^\\/") ? "/" : "";
      }
      return { ...base, type: "object-list", item: fieldsOf(items, []), itemDefaults, ...maxItems };
    }
  }
  return null;
}

function fieldsOf(schema: JsonSchema, path: readonly string[]): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  const fields: FieldSpec[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = fieldFrom(key, property, [...path, key], required.has(key) || property.default !== undefined);
    if (field) fields.push(field);
  }
  return fields;
}

/** Form fields of an object schema, in declaration order; `omit` leaves out keys a caller renders itself. */
export function formFields(schema: z.ZodType, omit: readonly string[] = []): FieldSpec[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fieldsOf(json, []).filter((field) => !omit.includes(field.key));
}

export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with `path` set (or removed, for undefined); objects along the way are copied, never mutated. */
export function withValueAt<T>(value: T, path: readonly string[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const source = Array.isArray(value) ? [...value] : { ...(typeof value === "object" && value !== null ? value : {}) };
  const record = source as Record<string, unknown>;
  const child = withValueAt(record[key], rest, next);
  if (child === undefined) delete record[key];
  else record[key] = child;
  return source as T;
}

/** First message per dotted path of a zod error ("healthCheck.intervalSeconds" → message). */
export function issuesByPath(error: z.ZodError): Map<string, string> {
  const issues = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}
