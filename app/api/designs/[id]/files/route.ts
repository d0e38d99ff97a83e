import { getDesign } from "@/lib/db/designs";
import { generate, generateAll, GENERATOR_TARGETS, isGeneratorTarget } from "@/lib/generators";
import { HttpError, json, notFound, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

export const GET = route(async (request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const target = new URL(request.url).searchParams.get("target") ?? "all";
  if (target !== "all" && !isGeneratorTarget(target)) {
    throw new HttpError(400, `Unknown target "${target}": use one of ${[...GENERATOR_TARGETS, "all"].join(", ")}`);
  }
  const stored = await getDesign(id);
  if (!stored) throw notFound(`Design ${id}`);
  const files = target === "all" ? generateAll(stored.document) : generate(stored.document, target);
  return json({ target, files });
});
