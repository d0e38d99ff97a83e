import { readFileSync } from "node:fs";
import { parse } from "@cdktf/hcl2json";
import type { GeneratedFile } from "@/lib/generators/types";

interface ArgumentSchema {
  /** 1 when the argument is required. */
  r: 0 | 1;
  /** Type kind: string, number, boolean, list, map, object, list_object, any... */
  t: string;
  /** 1 when the argument is written as a nested block. */
  b?: 1;
  /** Schema of the block's or object's own arguments. */
  n?: Record<string, ArgumentSchema>;
}

interface ResourceSchema {
  args: Record<string, ArgumentSchema>;
  attrs?: string[];
}

interface ProviderSchema {
  resource: Record<string, ResourceSchema>;
  data: Record<string, ResourceSchema>;
  provider: ResourceSchema;
}

/** hashicorp/aws 6.25.0, copied from /work/shared/data (see tests/data/PROVENANCE.md). */
export const AWS_SCHEMA: ProviderSchema = JSON.parse(readFileSync(new URL("../../data/aws-provider-resources.json", import.meta.url), "utf8"));

const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "provider", "lifecycle"]);

type Body = Record<string, unknown>;

function isBody(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Arguments and nested blocks of `body` against `schema`, recursively; required arguments must be present. */
function checkBody(body: Body, schema: Record<string, ArgumentSchema>, where: string, topLevel: boolean, problems: string[]): void {
  for (const [name, value] of Object.entries(body)) {
    if (topLevel && META_ARGUMENTS.has(name)) continue;
    const argument = schema[name];
    if (!argument) {
      problems.push(`${where}: unknown argument or block "${name}"`);
      continue;
    }
    if (argument.t === "any") continue;
    if (argument.b) {
      if (!Array.isArray(value) || !value.every(isBody)) {
        problems.push(`${where}: "${name}" must be written as a block`);
        continue;
      }
      if (argument.t === "object" && value.length > 1) problems.push(`${where}: "${name}" may appear at most once`);
      value.forEach((item, index) => checkBody(item, argument.n ?? {}, `${where}.${name}[${index}]`, false, problems));
    } else if (Array.isArray(value) && value.length > 0 && value.every(isBody) && !["list_object", "list", "set"].includes(argument.t)) {
      problems.push(`${where}: "${name}" is an attribute (${argument.t}) but is written as a block`);
    }
  }
  for (const [name, argument] of Object.entries(schema)) {
    if (argument.r && !(name in body)) problems.push(`${where}: required argument "${name}" is missing`);
  }
}

export interface ParsedTerraform {
  /** hcl2json's JSON form of every file, by path. */
  files: Map<string, Body>;
  problems: string[];
}

/** Every `${...}` expression string in a parsed value (hcl2json writes expressions that way). */
export function expressions(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (/^\$\{[\s\S]*\}$/.test(value)) found.push(value.slice(2, -1));
  } else if (Array.isArray(value)) value.forEach((item) => expressions(item, found));
  else if (isBody(value)) Object.values(value).forEach((item) => expressions(item, found));
  return found;
}

/** Every literal string in a parsed value, expressions excluded. */
export function literals(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (!/^\$\{[\s\S]*\}$/.test(value)) found.push(value);
  } else if (Array.isArray(value)) value.forEach((item) => literals(item, found));
  else if (isBody(value)) Object.values(value).forEach((item) => literals(item, found));
  return found;
}

/**
 * Parses every .tf file with HashiCorp's HCL parser (@cdktf/hcl2json) and checks it against the provider
 * schema: every resource and data source type exists, every argument and nested block exists (recursively),
 * required arguments are present, and every reference `aws_x.label.attribute`, `data.aws_x.label.attribute`
 * and `var.name` points at something declared, with an attribute the resource really has.
 */
export async function checkTerraform(files: readonly GeneratedFile[]): Promise<ParsedTerraform> {
  const problems: string[] = [];
  const parsed = new Map<string, Body>();
  for (const file of files.filter((candidate) => candidate.path.endsWith(".tf"))) {
    try {
      parsed.set(file.path, await parse(file.path, file.contents));
    } catch (error) {
      problems.push(`${file.path}: does not parse: ${String(error)}`);
    }
  }

  const declared = new Map<string, string>();
  const variables = new Set<string>();
  for (const [path, document] of parsed) {
    for (const [kind, schemas] of [
      ["resource", AWS_SCHEMA.resource],
      ["data", AWS_SCHEMA.data],
    ] as const) {
      const blocks = (document[kind] ?? {}) as Record<string, Record<string, Body[]>>;
      for (const [type, instances] of Object.entries(blocks)) {
        const schema = schemas[type];
        for (const [label, bodies] of Object.entries(instances)) {
          const address = `${kind === "data" ? "data." : ""}${type}.${label}`;
          if (declared.has(address)) problems.push(`${path}: ${address} is declared twice (also in ${declared.get(address)})`);
          declared.set(address, path);
          if (!schema) {
            problems.push(`${path}: ${kind} type "${type}" does not exist in hashicorp/aws 6.25.0`);
            continue;
          }
          bodies.forEach((body) => checkBody(body, schema.args, `${path}: ${address}`, true, problems));
        }
      }
    }
    for (const providerBodies of Object.values((document.provider ?? {}) as Record<string, Body[]>)) {
      providerBodies.forEach((body) => checkBody(body, AWS_SCHEMA.provider.args, `${path}: provider`, true, problems));
    }
    for (const name of Object.keys((document.variable ?? {}) as Body)) variables.add(name);
  }

  const reference = /(?<![\w.])(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?(?:\.([a-z_][a-z0-9_]*))?|(?<![\w.])var\.([A-Za-z_][A-Za-z0-9_-]*)/g;
  for (const [path, document] of parsed) {
    for (const expression of expressions(document)) {
      const code = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      for (const match of code.matchAll(reference)) {
        const [, dataPrefix, type, label, attribute, variableName] = match;
        if (variableName !== undefined) {
          if (!variables.has(variableName)) problems.push(`${path}: var.${variableName} is not declared`);
          continue;
        }
        const address = `${dataPrefix ?? ""}${type}.${label}`;
        if (!declared.has(address)) {
          problems.push(`${path}: reference to undeclared ${address}`);
          continue;
        }
        const schema = (dataPrefix ? AWS_SCHEMA.data : AWS_SCHEMA.resource)[type];
        if (attribute !== undefined && schema && attribute !== "id" && !(attribute in schema.args) && !(schema.attrs ?? []).includes(attribute)) {
          problems.push(`${path}: ${address} has no attribute "${attribute}"`);
        }
      }
    }
  }
  return { files: parsed, problems };
}
