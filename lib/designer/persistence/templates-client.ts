import { z } from "zod";
import { parseDesign, type Design } from "@/lib/model";

/** A gallery card, as GET /api/templates lists it. */
export interface GalleryTemplate {
  id: string;
  title: string;
  description: string;
  source: { doc?: string; label: string };
  componentCount: number;
  connectionCount: number;
  openFindings: { ruleId: string; title: string }[];
  thumbnail: string;
}

const GallerySchema = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      source: z.object({ doc: z.string().optional(), label: z.string() }),
      componentCount: z.number().int(),
      connectionCount: z.number().int(),
      openFindings: z.array(z.object({ ruleId: z.string(), title: z.string() })),
      thumbnail: z.string(),
    }),
  ),
});

export type TemplatesResult<T> = { kind: "ok"; value: T } | { kind: "failed"; error: string };

async function getJson(fetchImpl: typeof fetch, path: string): Promise<TemplatesResult<unknown>> {
  try {
    const response = await fetchImpl(path, { headers: { accept: "application/json" } });
    if (!response.ok) return { kind: "failed", error: `The server answered ${response.status} for ${path}` };
    return { kind: "ok", value: await response.json() };
  } catch {
    return { kind: "failed", error: "The server cannot be reached. Check your connection and try again." };
  }
}

/** The template gallery's reads: the list, and one template's design, both checked before use. */
export function createTemplatesApi(fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)) {
  return {
    async listTemplates(): Promise<TemplatesResult<GalleryTemplate[]>> {
      const result = await getJson(fetchImpl, "/api/templates");
      if (result.kind !== "ok") return result;
      const parsed = GallerySchema.safeParse(result.value);
      return parsed.success ? { kind: "ok", value: parsed.data.templates } : { kind: "failed", error: "The server sent a template list this page cannot read" };
    },
    async templateDesign(id: string): Promise<TemplatesResult<Design>> {
      const result = await getJson(fetchImpl, `/api/templates/${encodeURIComponent(id)}`);
      if (result.kind !== "ok") return result;
      const parsed = parseDesign(result.value);
      return parsed.success ? { kind: "ok", value: parsed.design } : { kind: "failed", error: "The server sent a template this editor cannot read" };
    },
  };
}
