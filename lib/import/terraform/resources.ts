import { bracketDepthExceeds, depthExceeds, MAX_DEPTH } from "../support/depth";
import { ImportError, type SourceFile, type Unmapped } from "../types";
import { parseHcl } from "./hcl";

/**
 * One managed resource, whatever the input: a `.tf` or `.tf.json` block, a plan's planned value, or a state entry.
 * `values` holds what is literally known; `config` holds the same attributes with references written as `${...}`
 * strings (HCL's own form), so one reader serves every input.
 */
export interface TfResource {
  /** `aws_lb.public`, `aws_subnet.private[0]`, `module.net.aws_vpc.main`. */
  address: string;
  /** The address without an instance index: what references name. */
  base: string;
  type: string;
  name: string;
  file: string;
  line?: number;
  values: Record<string, unknown>;
  config: Record<string, unknown>;
}

export interface TerraformInput {
  resources: TfResource[];
  /** Things read that are not resources: modules (not fetched) and data sources. */
  unmapped: Unmapped[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineOf(text: string, keyword: string, labels: readonly string[]): number | undefined {
  const escaped = labels.map((label) => `"${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).join("\\s+");
  const match = new RegExp(`^[ \\t]*${keyword}\\s+${escaped}`, "m").exec(text);
  return match ? text.slice(0, match.index).split("\n").length : undefined;
}

/** Blocks of hcl2json or Terraform JSON syntax: a label maps to one body or a list of bodies. */
function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

function fromConfiguration(file: SourceFile, document: Record<string, unknown>, input: TerraformInput): void {
  for (const [type, byName] of Object.entries(isRecord(document.resource) ? document.resource : {})) {
    for (const [name, value] of Object.entries(isRecord(byName) ? byName : {})) {
      for (const body of bodies(value)) {
        input.resources.push({ address: `${type}.${name}`, base: `${type}.${name}`, type, name, file: file.path, line: lineOf(file.text, "resource", [type, name]), values: body, config: body });
      }
    }
  }
  for (const [name, value] of Object.entries(isRecord(document.module) ? document.module : {})) {
    const source = bodies(value)[0]?.source;
    input.unmapped.push({ file: file.path, line: lineOf(file.text, "module", [name]), item: `module.${name}`, reason: `Module${typeof source === "string" ? ` from ${source}` : ""} is not fetched; import its resources by running \`terraform show -json\` on a plan` });
  }
  for (const [type, byName] of Object.entries(isRecord(document.data) ? document.data : {})) {
    for (const name of Object.keys(isRecord(byName) ? byName : {})) {
      input.unmapped.push({ file: file.path, line: lineOf(file.text, "data", [type, name]), item: `data.${type}.${name}`, reason: "A data source reads something that exists elsewhere; it is not part of this design" });
    }
  }
}

/** A plan's expression tree in HCL's form: references become `${a b}` strings, constants their value. */
function expressionConfig(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(expressionConfig);
  if (!isRecord(node)) return node;
  if (Array.isArray(node.references)) return `\${${node.references.filter((reference) => typeof reference === "string").join(" ")}}`;
  if ("constant_value" in node) return node.constant_value;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, expressionConfig(value)]));
}

function configurations(module: unknown, prefix: string, found: Map<string, Record<string, unknown>>): void {
  if (!isRecord(module)) return;
  for (const resource of Array.isArray(module.resources) ? module.resources.filter(isRecord) : []) {
    if (typeof resource.address === "string" && isRecord(resource.expressions)) found.set(`${prefix}${resource.address}`, expressionConfig(resource.expressions) as Record<string, unknown>);
  }
  for (const [name, call] of Object.entries(isRecord(module.module_calls) ? module.module_calls : {})) {
    if (isRecord(call)) configurations(call.module, `${prefix}module.${name}.`, found);
  }
}

function plannedResources(module: unknown, found: Record<string, unknown>[]): void {
  if (!isRecord(module)) return;
  for (const resource of Array.isArray(module.resources) ? module.resources.filter(isRecord) : []) found.push(resource);
  for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) plannedResources(child, found);
}

/** Replaces ids and ARNs of other resources with references to them: state files have values, not expressions. */
function referencesById(value: unknown, byId: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return byId.has(value) ? `\${${byId.get(value)}}` : value;
  if (Array.isArray(value)) return value.map((item) => referencesById(item, byId));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, referencesById(item, byId)]));
  return value;
}

function fromPlanOrState(file: SourceFile, document: Record<string, unknown>, input: TerraformInput): void {
  const values = isRecord(document.planned_values) ? document.planned_values : isRecord(document.values) ? document.values : {};
  const raw: Record<string, unknown>[] = [];
  plannedResources(values.root_module, raw);
  const expressions = new Map<string, Record<string, unknown>>();
  configurations(isRecord(document.configuration) ? document.configuration.root_module : undefined, "", expressions);
  const byId = new Map<string, string>();
  const managed = raw.filter((resource) => resource.mode !== "data" && typeof resource.address === "string" && typeof resource.type === "string");
  const baseOf = (address: string) => address.replace(/\[[^\]]*\]$/, "");
  for (const resource of managed) {
    const attributes = isRecord(resource.values) ? resource.values : {};
    for (const key of ["id", "arn"]) if (typeof attributes[key] === "string" && (attributes[key] as string).length >= 6) byId.set(attributes[key] as string, baseOf(resource.address as string));
  }
  for (const resource of raw.filter((candidate) => candidate.mode === "data")) {
    input.unmapped.push({ file: file.path, item: String(resource.address), reason: "A data source reads something that exists elsewhere; it is not part of this design" });
  }
  for (const resource of managed) {
    const address = resource.address as string;
    const base = baseOf(address);
    const attributes = isRecord(resource.values) ? resource.values : {};
    const config = expressions.get(base.replace(/(^|\.)module\.([^.]+)\[[^\]]*\]\./g, "$1module.$2.")) ?? (referencesById(attributes, byId) as Record<string, unknown>);
    input.resources.push({ address, base, type: resource.type as string, name: typeof resource.name === "string" ? resource.name : address, file: file.path, values: attributes, config });
  }
}

function problem(file: SourceFile, message: string): ImportError {
  return new ImportError(`${file.path}: ${message}`, [{ file: file.path, message }]);
}

/** Whether a parsed JSON document is `terraform show -json` output (a plan or a state). */
export function isPlanOrState(document: unknown): document is Record<string, unknown> {
  return isRecord(document) && ("planned_values" in document || "values" in document || "prior_state" in document) && ("format_version" in document || "terraform_version" in document);
}

/**
 * Every managed resource in the files: `.tf` through HashiCorp's parser, `.tf.json`, and `terraform show -json` plans
 * and states. Modules and data sources are listed, not followed. Invalid HCL or JSON and documents nested past
 * MAX_DEPTH are refused with the file and the parser's reason.
 */
export function readTerraformInput(files: readonly SourceFile[]): TerraformInput {
  const input: TerraformInput = { resources: [], unmapped: [] };
  for (const file of files) {
    if (bracketDepthExceeds(file.text)) throw problem(file, `Nested more than ${MAX_DEPTH} levels deep`);
    let document: unknown;
    if (file.path.endsWith(".json")) {
      try {
        document = JSON.parse(file.text);
      } catch (error) {
        throw problem(file, `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      try {
        document = parseHcl(file.path, file.text);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        throw problem(file, `Invalid HCL: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (depthExceeds(document)) throw problem(file, `Nested more than ${MAX_DEPTH} levels deep`);
    if (!isRecord(document)) throw problem(file, "Not a Terraform configuration, plan or state (expected an object)");
    if (isPlanOrState(document)) fromPlanOrState(file, document, input);
    else fromConfiguration(file, document, input);
  }
  return input;
}
