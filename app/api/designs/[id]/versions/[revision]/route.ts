import { getDesignVersion } from "@/lib/db/designs";
import { json, notFound, revisionParam, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

export const GET = route(async (_request, { params }: RouteParams<"id" | "revision">) => {
  const { id, revision } = await params;
  const version = await getDesignVersion(id, revisionParam(revision));
  if (!version) throw notFound(`Revision ${revision} of design ${id}`);
  return json({ revision: version.revision, document: version.document });
});
