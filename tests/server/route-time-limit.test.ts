import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/designs/[id]/export/route";
import * as validateRoute from "@/app/api/validate/route";
import { disconnectAll } from "@/lib/db/client";
import { jobPool } from "@/lib/server/job-pool";
import { TEMPLATES } from "@/lib/templates";
import { BACKENDS, type TestBackendServer } from "../integration/backends";
import { generatedDocument, importDesign, LARGE_DESIGN_SIZES, routeRequest } from "./support";

// The server's pool reads its limits on first use; this file runs in a process of its own.
process.env.ARCHWAY_JOB_TIMEOUT_MS = "300";

const sqlite = BACKENDS.find((backend) => backend.name === "sqlite")!;
const small = TEMPLATES.find((template) => template.id === "three-tier-web-app")!.design;

describe("a route whose job runs past the time limit", () => {
  let server: TestBackendServer;
  const previousUrl = process.env.DATABASE_URL;
  let id: string;

  beforeAll(async () => {
    server = await sqlite.start();
    process.env.DATABASE_URL = await server.createDatabase();
    id = await importDesign(generatedDocument(LARGE_DESIGN_SIZES.thousand));
  });

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });

  it("answers 503 naming the limit, and the next job succeeds", async () => {
    expect(jobPool().limits.timeoutMs).toBe(300);
    const response = await exportRoute.GET(routeRequest(`/api/designs/${id}/export`), { params: Promise.resolve({ id }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({ error: "The export job took longer than 300 ms and was stopped (limit ARCHWAY_JOB_TIMEOUT_MS); try a smaller design" });

    const next = await validateRoute.POST(
      routeRequest("/api/validate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(small) }),
      undefined,
    );
    expect(next.status).toBe(200);
    expect((await next.json()).scores).toBeDefined();
  });
});
