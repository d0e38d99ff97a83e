import { z } from "zod";
import { DesignSchema, SCHEMA_VERSION } from "@/lib/model";
import { json, route } from "@/lib/http/api";

export const runtime = "nodejs";

let designJsonSchema: Record<string, unknown> | undefined;

/** The JSON Schema of what a client may send as a design document (defaults make fields optional on input). */
function schema(): Record<string, unknown> {
  designJsonSchema ??= {
    ...z.toJSONSchema(DesignSchema, { io: "input" }),
    $id: `urn:archway:design:v${SCHEMA_VERSION}`,
    title: "Archway design document",
  };
  return designJsonSchema;
}

export const GET = route(async () => json(schema()));
