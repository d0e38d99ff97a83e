import type { z } from "zod";
import { DesignSchema, type Design, type DesignInput } from "./design";

/**
 * The smallest document that parses back to the same design: every value the schema would fill in by itself (a
 * catalogue default, an empty optional array, a connection's default retry policy) is left out. Designs are stored
 * and sent in this form; `parseDesign` expands them again. Nothing here knows about kinds or fields: the walk follows
 * the zod schema, so a default added to the catalogue is minimised without touching this file.
 */

type Schema = z.core.$ZodType;

/** What a field of an object schema becomes when the key is missing from the input. */
type Absent = { fills: true; value: unknown } | { fills: false };

const NOTHING_FILLED: Absent = { fills: false };

function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left)) {
    const other = right as unknown[];
    return left.length === other.length && left.every((item, index) => sameJson(item, other[index]));
  }
  const leftEntries = Object.entries(left).filter(([, value]) => value !== undefined);
  const rightRecord = right as Record<string, unknown>;
  const rightKeys = Object.keys(rightRecord).filter((key) => rightRecord[key] !== undefined);
  return leftEntries.length === rightKeys.length && leftEntries.every(([key, value]) => key in rightRecord && sameJson(value, rightRecord[key]));
}

// A schema's absent value is computed once: prefaults run a parse, and a design walks the same schemas many times.
const absentValues = new WeakMap<Schema, Absent>();

function absentValue(schema: Schema): Absent {
  const cached = absentValues.get(schema);
  if (cached) return cached;
  const def = schema._zod.def as z.core.$ZodTypeDef & { defaultValue?: unknown; innerType?: Schema };
  let absent: Absent = NOTHING_FILLED;
  // zod returns a default as it is, but runs a prefault through the inner schema.
  if (def.type === "default") absent = { fills: true, value: def.defaultValue };
  else if (def.type === "prefault" && def.innerType) absent = { fills: true, value: (def.innerType as z.ZodType).parse(def.defaultValue) };
  absentValues.set(schema, absent);
  return absent;
}

/** The schema a present value is parsed with, under any default, prefault or optional wrapper. */
function presentSchema(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as z.core.$ZodTypeDef & { innerType?: Schema };
    if ((def.type === "default" || def.type === "prefault" || def.type === "optional") && def.innerType) current = def.innerType;
    else return current;
  }
}

function unionOption(def: z.core.$ZodDiscriminatedUnionDef, value: Record<string, unknown>): Schema | undefined {
  return def.options.find((option) => {
    const optionDef = option._zod.def;
    if (optionDef.type !== "object") return false;
    const discriminant = (optionDef as z.core.$ZodObjectDef).shape[def.discriminator];
    return discriminant !== undefined && discriminant._zod.values?.has(value[def.discriminator] as z.core.util.Literal) === true;
  });
}

function minimizeObject(shape: z.core.$ZodShape, value: Record<string, unknown>): Record<string, unknown> {
  const minimal: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const field = shape[key];
    if (!field) {
      minimal[key] = item;
      continue;
    }
    const absent = absentValue(field);
    if (absent.fills && sameJson(item, absent.value)) continue;
    minimal[key] = minimizeValue(presentSchema(field), item);
  }
  return minimal;
}

function minimizeValue(schema: Schema, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const def = schema._zod.def;
  switch (def.type) {
    case "object":
      return Array.isArray(value) ? value : minimizeObject((def as z.core.$ZodObjectDef).shape, value as Record<string, unknown>);
    case "array": {
      const element = (def as z.core.$ZodArrayDef).element;
      return Array.isArray(value) ? value.map((item) => minimizeValue(element, item)) : value;
    }
    case "union": {
      const unionDef = def as z.core.$ZodDiscriminatedUnionDef;
      if (typeof unionDef.discriminator !== "string" || Array.isArray(value)) return value;
      const option = unionOption(unionDef, value as Record<string, unknown>);
      return option ? minimizeValue(option, value) : value;
    }
    default:
      return value;
  }
}

/** The minimal document for a parsed design: `DesignSchema.parse(minimizeDesign(design))` deep-equals `design`. */
export function minimizeDesign(design: Design): DesignInput {
  return minimizeValue(DesignSchema, design) as DesignInput;
}
