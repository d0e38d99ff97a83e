import { z } from "zod";
import { restoreDesignVersion } from "@/lib/db/designs";
import { onTheWire, parseBody, readJsonBody, revisionParam, route, writeResponse, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

const RestoreBody = z.object({ baseRevision: z.number().int().min(1).describe("The revision the editor currently shows.") });

export const POST = route(async (request, { params }: RouteParams<"id" | "revision">) => {
  const { id, revision } = await params;
  const body = parseBody(RestoreBody, await readJsonBody(request));
  const result = await restoreDesignVersion(id, revisionParam(revision), body.baseRevision);
  return writeResponse(result, `Revision ${revision} of design ${id}`, (saved) => onTheWire({ revision: saved.revision, document: saved.document }));
});
