import { describe, expect, it } from "vitest";
import * as validateRoute from "@/app/api/validate/route";
import { jobPool } from "@/lib/server/job-pool";
import { TEMPLATES } from "@/lib/templates";
import { generatedDocument, LARGE_DESIGN_SIZES, routeRequest } from "./support";

// The server's pool reads its limits on first use; this file runs in a process of its own.
process.env.ARCHWAY_JOB_MEMORY_MB = "32";

const small = TEMPLATES.find((template) => template.id === "three-tier-web-app")!.design;

function validate(document: unknown): Promise<Response> {
  return validateRoute.POST(routeRequest("/api/validate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(document) }), undefined);
}

describe("a route whose job needs more memory than the limit", () => {
  it("answers 413 naming the limit; the process lives on and the next job succeeds", { timeout: 120_000 }, async () => {
    expect(jobPool().limits.memoryMb).toBe(32);
    const response = await validate(generatedDocument(LARGE_DESIGN_SIZES.tenThousand));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The validate job needs more than 32 MB and was stopped (limit ARCHWAY_JOB_MEMORY_MB); try a smaller design" });
    const next = await validate(small);
    expect(next.status).toBe(200);
  });
});
