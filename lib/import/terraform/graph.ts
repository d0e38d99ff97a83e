import { isRecord, type TfResource } from "./resources";

/** `aws_x.name` (optionally inside modules) in an expression; `data.` and `var.` lookups are not resources. */
const REFERENCE = /(?<![\w.])((?:module\.[A-Za-z0-9_-]+\.)*aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/** Base addresses referenced anywhere in a value (HCL `${...}` strings, a plan's references, a state's matched ids). */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === "string") {
      if (current.includes("${")) for (const match of current.matchAll(REFERENCE)) found.add(match[1]);
    } else if (Array.isArray(current)) stack.push(...current);
    else if (isRecord(current)) stack.push(...Object.values(current));
  }
  return [...found].sort();
}

/** The first body of a nested block (HCL and plans write blocks as lists). */
export function block(value: unknown): Record<string, unknown> {
  const first = Array.isArray(value) ? value[0] : value;
  return isRecord(first) ? first : {};
}

export function blocks(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]).filter(isRecord);
}

/** A literal value: expressions (`${...}`) are unknown until Terraform evaluates them. */
export function literal(value: unknown): unknown {
  return typeof value === "string" && value.includes("${") ? undefined : value;
}

export function literalString(value: unknown): string | undefined {
  const known = literal(value);
  return typeof known === "string" ? known : undefined;
}

export function literalNumber(value: unknown): number | undefined {
  const known = literal(value);
  if (typeof known === "number") return known;
  return typeof known === "string" && /^\d+(\.\d+)?$/.test(known) ? Number(known) : undefined;
}

export function literalBoolean(value: unknown): boolean | undefined {
  const known = literal(value);
  if (typeof known === "boolean") return known;
  return known === "true" ? true : known === "false" ? false : undefined;
}

export function intIn(value: unknown, min: number, max: number): number | undefined {
  const number = literalNumber(value);
  return number !== undefined && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/** Resources by the base address references use. */
export class ResourceIndex {
  private readonly byBase = new Map<string, TfResource[]>();

  constructor(readonly resources: readonly TfResource[]) {
    for (const resource of resources) {
      const list = this.byBase.get(resource.base);
      if (list) list.push(resource);
      else this.byBase.set(resource.base, [resource]);
    }
  }

  get(base: string): TfResource[] {
    return this.byBase.get(base) ?? [];
  }

  /** Resources a value refers to, optionally only of some types. */
  referenced(value: unknown, ...types: string[]): TfResource[] {
    return referencesIn(value)
      .flatMap((base) => this.get(base))
      .filter((resource) => types.length === 0 || types.includes(resource.type));
  }

  ofType(...types: string[]): TfResource[] {
    return this.resources.filter((resource) => types.includes(resource.type));
  }
}
