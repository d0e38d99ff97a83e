import { z } from "zod";

/** Ids are short, readable and safe in every generated artifact (file names, HCL labels, YAML keys). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, "An id is 1-63 lowercase letters, digits or hyphens, starting with a letter or digit")
  .describe("Stable identifier, unique within the design.");

/** The first `${prefix}-${n}` not yet taken, so ids stay readable (`service-3`) and deterministic. */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50) || "item";
  for (let n = 1; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
