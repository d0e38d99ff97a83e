import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as filesRoute from "@/app/api/designs/[id]/files/route";
import * as designsRoute from "@/app/api/designs/route";
import { disconnectAll } from "@/lib/db/client";
import { generate, generateAll } from "@/lib/generators";
import { TEMPLATES } from "@/lib/templates";
import { BACKENDS, type TestBackendServer } from "./backends";

const sqlite = BACKENDS.find((backend) => backend.name === "sqlite")!;
const template = TEMPLATES.find((candidate) => candidate.id === "three-tier-web-app")!;

async function files(id: string, query = "") {
  const response = await filesRoute.GET(new Request(`http://localhost/api/designs/${id}/files${query}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/designs/:id/files", () => {
  let server: TestBackendServer;
  let id: string;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    server = await sqlite.start();
    process.env.DATABASE_URL = await server.createDatabase();
    const response = await designsRoute.POST(
      new Request("http://localhost/api/designs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document: template.design }) }),
      { params: Promise.resolve({}) },
    );
    id = (await response.json()).id;
  });

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });

  it("returns one target's files, the same the generator gives", async () => {
    const result = await files(id, "?target=terraform");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ target: "terraform", files: generate(template.design, "terraform") });
  });

  it("returns every target by default", async () => {
    const result = await files(id);
    expect(result.body.files).toEqual(generateAll(template.design));
    expect(new Set(result.body.files.map((file: { path: string }) => file.path.split("/")[0]))).toEqual(new Set(["mermaid", "terraform", "kubernetes", "typescript"]));
  });

  it("refuses unknown targets and designs", async () => {
    const unknownTarget = await files(id, "?target=cobol");
    expect(unknownTarget.status).toBe(400);
    expect(unknownTarget.body.error).toMatch(/Unknown target "cobol"/);
    expect((await files("nope")).status).toBe(404);
  });
});
