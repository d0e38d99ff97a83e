import { z } from "zod";

/**
 * What one save changed, counted per collection: the numbers a version list shows ("+2 components · 1 connection
 * edited · 3 moved") so that a run of autosaves can be told apart without opening each one. Works on the stored
 * minimal documents (minimizeDesign), item by item through their ids, so it is linear in the two documents and never
 * parses them with the design schema.
 */

export const COUNTED_COLLECTIONS = ["components", "connections", "zones", "annotations"] as const;
export type CountedCollection = (typeof COUNTED_COLLECTIONS)[number];

const CountsSchema = z.object({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  edited: z.number().int().nonnegative(),
  /** Only the position or size changed: a layout edit, not a change to the system. */
  moved: z.number().int().nonnegative(),
});
export type ChangeCounts = z.infer<typeof CountsSchema>;

export const ChangeSummarySchema = z.object({
  components: CountsSchema,
  connections: CountsSchema,
  zones: CountsSchema,
  /** Notes and shapes; summaries stored before they existed read as none changed. */
  annotations: CountsSchema.default({ added: 0, removed: 0, edited: 0, moved: 0 }),
  /** The design's name, description or settings changed. */
  designEdited: z.boolean(),
});
export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;

type Item = Record<string, unknown> & { id: string };
type MinimalDocument = Partial<Record<CountedCollection, readonly Item[]>> & Record<string, unknown>;

const LAYOUT_KEYS = new Set(["position", "size"]);
const DESIGN_KEYS = ["name", "description", "settings"] as const;

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function withoutLayout(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !LAYOUT_KEYS.has(key)));
}

function countChanges(before: readonly Item[], after: readonly Item[]): ChangeCounts {
  const previous = new Map(before.map((item) => [item.id, item]));
  const counts: ChangeCounts = { added: 0, removed: 0, edited: 0, moved: 0 };
  for (const item of after) {
    const old = previous.get(item.id);
    previous.delete(item.id);
    if (old === undefined) counts.added += 1;
    else if (!sameJson(withoutLayout(old), withoutLayout(item))) counts.edited += 1;
    else if (!sameJson(old, item)) counts.moved += 1;
  }
  counts.removed = previous.size;
  return counts;
}

/** The changes from `before` to `after`, both minimal documents. */
export function summariseChanges(before: MinimalDocument, after: MinimalDocument): ChangeSummary {
  const collections = Object.fromEntries(
    COUNTED_COLLECTIONS.map((collection) => [collection, countChanges(before[collection] ?? [], after[collection] ?? [])]),
  ) as Record<CountedCollection, ChangeCounts>;
  return { ...collections, designEdited: DESIGN_KEYS.some((key) => !sameJson(before[key], after[key])) };
}
