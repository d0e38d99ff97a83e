/**
 * A small block model of HCL and its printer. Generators build values from data and never concatenate
 * HCL text: every JavaScript string becomes an escaped HCL string literal, expressions are trees of
 * references and function calls whose names are checked, and comments are flattened to one line. So a
 * user's name can never turn into syntax, an interpolation or a template directive.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const REFERENCE_STEP = /^([A-Za-z_][A-Za-z0-9_-]*|\d+|\*)$/;

/** A reference such as `aws_vpc.main.id` or `aws_subnet.private[*].id`, built from checked steps. */
export class HclReference {
  constructor(readonly steps: readonly string[]) {
    steps.forEach((step, index) => {
      const valid = index === 0 ? IDENTIFIER.test(step) : REFERENCE_STEP.test(step);
      if (!valid) throw new Error(`Invalid step ${JSON.stringify(step)} in an HCL reference`);
    });
  }
}

/** A call of a Terraform function, e.g. `cidrsubnet(var.vpc_cidr, 8, 1)`. */
export class HclCall {
  constructor(
    readonly name: string,
    readonly args: readonly HclValue[],
  ) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Invalid HCL function name ${JSON.stringify(name)}`);
  }
}

/** An arithmetic or comparison of two values, e.g. `count.index + 10`. */
export class HclOperation {
  constructor(
    readonly left: HclValue,
    readonly operator: "+" | "-" | "*" | "/",
    readonly right: HclValue,
  ) {}
}

/** An object or map value: `{ key = value }`. Keys that are not identifiers are quoted and escaped. */
export class HclObject {
  constructor(readonly entries: Readonly<Record<string, HclValue | undefined>>) {}
}

export type HclValue = string | number | boolean | null | HclReference | HclCall | HclOperation | HclObject | readonly HclValue[];

/** A nested block inside a body, e.g. `health_check { ... }`. */
export class HclNestedBlock {
  constructor(readonly body: HclBody) {}
}

/** Attributes and nested blocks in insertion order; `undefined` entries are left out. */
export type HclBody = { readonly [name: string]: HclValue | HclNestedBlock | readonly HclNestedBlock[] | undefined };

/** A top-level block: `resource "aws_vpc" "main" { ... }` with optional comment lines above it. */
export interface HclBlock {
  type: string;
  labels: readonly string[];
  body: HclBody;
  comments?: readonly string[];
}

export const ref = (path: string): HclReference => new HclReference(path.split("."));
export const call = (name: string, ...args: HclValue[]): HclCall => new HclCall(name, args);
export const object = (entries: Record<string, HclValue | undefined>): HclObject => new HclObject(entries);
export const nested = (body: HclBody): HclNestedBlock => new HclNestedBlock(body);
export const plus = (left: HclValue, right: HclValue): HclOperation => new HclOperation(left, "+", right);

/**
 * An HCL quoted string literal. Escapes backslash, quote and control characters, and doubles the
 * template introducers: `${` becomes `$${` and `%{` becomes `%%{`, so the text stays literal.
 */
export function hclString(text: string): string {
  let escaped = "";
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (character === "\\") escaped += "\\\\";
    else if (character === '"') escaped += '\\"';
    else if (character === "\n") escaped += "\\n";
    else if (character === "\r") escaped += "\\r";
    else if (character === "\t") escaped += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) escaped += `\\u${code.toString(16).padStart(4, "0")}`;
    else escaped += character;
  }
  // A function replacer: in a replacement string "$$" would itself mean a single "$".
  return `"${escaped.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{")}"`;
}

/** A comment line: any text, with line breaks and control characters turned into spaces. */
export function hclComment(text: string): string {
  return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")}`.trimEnd();
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

function isNestedBlock(value: unknown): value is HclNestedBlock | readonly HclNestedBlock[] {
  return value instanceof HclNestedBlock || (Array.isArray(value) && value.length > 0 && value.every((item) => item instanceof HclNestedBlock));
}

function renderValue(value: HclValue, indent: string): string {
  if (value === null) return "null";
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("HCL numbers must be finite");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof HclReference) return value.steps.map((step, index) => (index === 0 ? step : /^(\d+|\*)$/.test(step) ? `[${step}]` : `.${step}`)).join("");
  if (value instanceof HclCall) return `${value.name}(${value.args.map((arg) => renderValue(arg, indent)).join(", ")})`;
  if (value instanceof HclOperation) return `${renderValue(value.left, indent)} ${value.operator} ${renderValue(value.right, indent)}`;
  if (value instanceof HclObject) {
    const entries = Object.entries(value.entries).filter((entry): entry is [string, HclValue] => entry[1] !== undefined);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const lines = alignAssignments(entries.map(([key, item]) => [objectKey(key), renderValue(item, inner)]), inner);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  const items = value as readonly HclValue[];
  if (items.length === 0) return "[]";
  const rendered = items.map((item) => renderValue(item, `${indent}  `));
  if (rendered.every((item) => !item.includes("\n")) && rendered.join(", ").length <= 80) return `[${rendered.join(", ")}]`;
  return `[\n${rendered.map((item) => `${indent}  ${item},`).join("\n")}\n${indent}]`;
}

/**
 * `name = value` lines with the `=` aligned within each run of single-line values, as `terraform fmt`
 * does; a value spanning several lines ends the run and is not padded.
 */
function alignAssignments(entries: readonly [string, string][], indent: string): string[] {
  const lines: string[] = [];
  let group: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map(([name]) => name.length));
    for (const [name, text] of group) lines.push(`${indent}${name.padEnd(width)} = ${text}`);
    group = [];
  };
  for (const [name, text] of entries) {
    if (text.includes("\n")) {
      flush();
      lines.push(`${indent}${name} = ${text}`);
    } else group.push([name, text]);
  }
  flush();
  return lines;
}

/** Attributes first-come, aligned on `=` within each run of single-line attributes, as `terraform fmt` does. */
function renderBody(body: HclBody, indent: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    lines.push(...alignAssignments(run, indent));
    run = [];
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (!IDENTIFIER.test(name)) throw new Error(`Invalid HCL attribute or block name ${JSON.stringify(name)}`);
    if (isNestedBlock(value)) {
      flush();
      for (const block of value instanceof HclNestedBlock ? [value] : value) {
        if (lines.length > 0) lines.push("");
        const inner = renderBody(block.body, `${indent}  `);
        if (inner.length === 0) lines.push(`${indent}${name} {}`);
        else lines.push(`${indent}${name} {`, ...inner, `${indent}}`);
      }
      continue;
    }
    if (run.length === 0 && lines.length > 0) lines.push("");
    run.push([name, renderValue(value as HclValue, indent)]);
  }
  flush();
  return lines;
}

export function renderBlock(block: HclBlock): string {
  if (!IDENTIFIER.test(block.type)) throw new Error(`Invalid HCL block type ${JSON.stringify(block.type)}`);
  const header = [block.type, ...block.labels.map(hclString)].join(" ");
  const comments = (block.comments ?? []).map(hclComment);
  const body = renderBody(block.body, "  ");
  return [...comments, body.length === 0 ? `${header} {}` : `${header} {\n${body.join("\n")}\n}`].join("\n");
}

/** A whole .tf file: a heading comment, then the blocks separated by blank lines. */
export function renderFile(heading: readonly string[], blocks: readonly HclBlock[]): string {
  return `${[heading.map(hclComment).join("\n"), ...blocks.map(renderBlock)].join("\n\n")}\n`;
}
