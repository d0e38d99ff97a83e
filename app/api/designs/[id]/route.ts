import { z } from "zod";
import { deleteDesign, getDesign, renameDesign, saveDesign } from "@/lib/db/designs";
import { documentAt, json, noContent, notFound, onTheWire, parseBody, readJsonBody, route, writeResponse, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

const SaveBody = z.object({
  baseRevision: z.number().int().min(1).describe("The revision the edited document was loaded at."),
  document: z.unknown().describe("The whole design document."),
});

const RenameBody = z.object({ name: z.string() });

export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const design = await getDesign(id);
  if (!design) throw notFound(`Design ${id}`);
  return json(onTheWire(design));
});

export const PUT = route(async (request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const body = parseBody(SaveBody, await readJsonBody(request));
  const result = await documentAt("document", () => saveDesign(id, body.baseRevision, body.document));
  return writeResponse(result, `Design ${id}`, ({ revision }) => ({ revision }));
});

export const PATCH = route(async (request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const body = parseBody(RenameBody, await readJsonBody(request));
  return writeResponse(await renameDesign(id, body.name), `Design ${id}`, (saved) => onTheWire({ revision: saved.revision, document: saved.document }));
});

export const DELETE = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  if (!(await deleteDesign(id))) throw notFound(`Design ${id}`);
  return noContent();
});
