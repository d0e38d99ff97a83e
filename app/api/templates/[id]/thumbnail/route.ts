import { notFound, route, type RouteParams } from "@/lib/http/api";
import { findTemplate } from "@/lib/templates";
import { designThumbnail } from "@/lib/templates/thumbnail";

export const runtime = "nodejs";

/** The template's schematic as SVG, drawn from its design so it can never drift from it. */
export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const template = findTemplate(id);
  if (!template) throw notFound(`Template ${id}`);
  return new Response(designThumbnail(template.design), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
});
