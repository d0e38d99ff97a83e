import type { Design } from "@/lib/model";

/** JSON with object keys sorted, so two documents compare equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

/** True when both documents hold the same data; identical references skip the serialisation. */
export function sameDocument(a: Design, b: Design): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}
