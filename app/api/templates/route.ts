import { json, route } from "@/lib/http/api";
import { templateSummaries } from "@/lib/templates";

export const runtime = "nodejs";

/** The template gallery: id, title, description and source of every template, with where its thumbnail lives. */
export const GET = route(async () =>
  json({ templates: templateSummaries().map((summary) => ({ ...summary, thumbnail: `/api/templates/${summary.id}/thumbnail` })) }),
);
