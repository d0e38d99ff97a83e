import { z } from "zod";
import { createDesign, duplicateDesign, listDesigns } from "@/lib/db/designs";
import { SCHEMA_VERSION } from "@/lib/model";
import { documentAt, json, notFound, onTheWire, parseBody, readJsonBody, route } from "@/lib/http/api";

export const runtime = "nodejs";

const CreateBody = z
  .object({
    name: z.string().optional().describe("Create a blank design with this name."),
    document: z.unknown().optional().describe("Import this design document."),
    duplicateOf: z.string().optional().describe("Copy the design with this id."),
  })
  .refine((body) => [body.name, body.document, body.duplicateOf].filter((value) => value !== undefined).length === 1, {
    message: "Send exactly one of name (blank design), document (import) or duplicateOf (copy)",
  });

export const GET = route(async () => json({ designs: await listDesigns() }));

export const POST = route(async (request) => {
  const body = parseBody(CreateBody, await readJsonBody(request));
  if (body.duplicateOf !== undefined) {
    const copy = await duplicateDesign(body.duplicateOf);
    if (!copy) throw notFound(`Design ${body.duplicateOf}`);
    return json(onTheWire(copy), 201);
  }
  const created =
    body.document !== undefined
      ? await documentAt("document", () => createDesign(body.document))
      : await createDesign({ schemaVersion: SCHEMA_VERSION, name: body.name });
  return json(onTheWire(created), 201);
});
