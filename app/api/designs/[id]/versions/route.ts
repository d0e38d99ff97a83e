import { listDesignVersions } from "@/lib/db/designs";
import { json, notFound, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const versions = await listDesignVersions(id);
  if (!versions) throw notFound(`Design ${id}`);
  return json({ versions });
});
