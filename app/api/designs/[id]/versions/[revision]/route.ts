import { z } from "zod";
import { getDesignVersion, labelDesignVersion } from "@/lib/db/designs";
import { HttpError, json, notFound, onTheWire, parseBody, readJsonBody, revisionParam, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

const LabelBody = z.object({
  label: z
    .string()
    .trim()
    .min(1, "A version name cannot be empty; send null to remove it")
    .max(100, "A version name is at most 100 characters")
    .refine((label) => !/\u0000|\p{Surrogate}/u.test(label), "A version name cannot contain NUL characters or unpaired surrogates")
    .nullable()
    .describe("Name this version (kept forever), or null to remove its name."),
});

export const GET = route(async (_request, { params }: RouteParams<"id" | "revision">) => {
  const { id, revision } = await params;
  const version = await getDesignVersion(id, revisionParam(revision));
  if (!version) throw notFound(`Revision ${revision} of design ${id}`);
  return json(onTheWire({ revision: version.revision, document: version.document }));
});

export const PATCH = route(async (request, { params }: RouteParams<"id" | "revision">) => {
  const { id, revision } = await params;
  const number = revisionParam(revision);
  const body = parseBody(LabelBody, await readJsonBody(request));
  const result = await labelDesignVersion(id, number, body.label);
  switch (result.status) {
    case "labelled":
      return json({ version: result.version });
    case "too-many-labels": {
      const message = `A design keeps at most ${result.limit} named versions; remove the name of one first`;
      throw new HttpError(422, message, [{ path: "label", message }]);
    }
    case "not-found":
      throw notFound(`Revision ${revision} of design ${id}`);
  }
});
