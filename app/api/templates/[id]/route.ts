import { json, notFound, route, type RouteParams } from "@/lib/http/api";
import { findTemplate } from "@/lib/templates";

export const runtime = "nodejs";

/** The template's design document, ready to be saved as a new design. */
export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const template = findTemplate(id);
  if (!template) throw notFound(`Template ${id}`);
  return json(template.design);
});
