import * as designsRoute from "@/app/api/designs/route";
import { generateDesignDocument } from "../../bench/shared/generate-design";

/** Generated designs at the sizes the issue names; the generator rounds up to whole cells, so 9,990 gives 9,996 components. */
export const LARGE_DESIGN_SIZES = { thousand: 1000, tenThousand: 9990 } as const;

export function generatedDocument(size: number): Record<string, unknown> {
  return generateDesignDocument(size);
}

/** Imports a document through the real designs route (into whatever DATABASE_URL names); returns its id. */
export async function importDesign(document: unknown): Promise<string> {
  const response = await designsRoute.POST(
    new Request("http://localhost/api/designs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document }) }),
    { params: Promise.resolve({}) },
  );
  if (response.status !== 201) throw new Error(`Import answered ${response.status}: ${await response.text()}`);
  return (await response.json()).id;
}

export function routeRequest(path: string, init?: RequestInit): Request {
  return new Request(`http://localhost${path}`, init);
}
