import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as filesRoute from "@/app/api/designs/[id]/files/route";
import * as designsRoute from "@/app/api/designs/route";
import { disconnectAll } from "@/lib/db/client";
import { generate, generateAll } from "@/lib/generators";
import { projectSlug } from "@/lib/generators/naming";
import { designPicture } from "@/lib/generators/picture/svg";
import { TEMPLATES } from "@/lib/templates";
import { decodePng } from "../helpers/png";
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

  const indexOf = (generated: { path: string; contents: string }[]) => generated.map((file) => ({ path: file.path, size: Buffer.byteLength(file.contents, "utf8") }));

  it("returns a page of one target's file index: paths and sizes of the generator's files", async () => {
    const result = await files(id, "?target=terraform");
    expect(result.status).toBe(200);
    const generated = generate(template.design, "terraform");
    expect(result.body).toEqual({ target: "terraform", total: generated.length, offset: 0, limit: 100, files: indexOf(generated) });
  });

  it("returns one file's contents by path, and 404 for a path the target does not have", async () => {
    const [first] = generate(template.design, "kubernetes");
    const result = await files(id, `?target=kubernetes&path=${encodeURIComponent(first.path)}`);
    expect(result).toEqual({ status: 200, body: { target: "kubernetes", file: first } });
    const missing = await files(id, "?target=kubernetes&path=nope.yaml");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/File "nope.yaml" of target kubernetes not found/);
  });

  it("pages through every target by default: the pages put together are the whole index", async () => {
    const expected = indexOf(generateAll(template.design));
    const pages = [];
    for (let offset = 0; offset < expected.length; offset += 7) {
      const result = await files(id, `?offset=${offset}&limit=7`);
      expect(result.body).toMatchObject({ target: "all", total: expected.length, offset, limit: 7 });
      expect(result.body.files.length).toBeLessThanOrEqual(7);
      pages.push(...result.body.files);
    }
    expect(pages).toEqual(expected);
    expect(new Set(pages.map((file: { path: string }) => file.path.split("/")[0]))).toEqual(new Set(["mermaid", "terraform", "kubernetes", "typescript"]));
  });

  it("serves the SVG picture as a text file and the PNG as image/png bytes", async () => {
    const [svg] = generate(template.design, "svg");
    expect(await files(id, "?target=svg")).toEqual({ status: 200, body: { target: "svg", total: 1, offset: 0, limit: 100, files: indexOf([svg]) } });
    expect(await files(id, `?target=svg&path=${encodeURIComponent(svg.path)}`)).toEqual({ status: 200, body: { target: "svg", file: svg } });

    const index = await files(id, "?target=png");
    const path = `${projectSlug(template.design.name)}.png`;
    expect(index.body.files).toEqual([{ path, size: expect.any(Number) }]);
    const response = await filesRoute.GET(new Request(`http://localhost/api/designs/${id}/files?target=png&path=${path}`), { params: Promise.resolve({ id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(index.body.files[0].size);
    const image = decodePng(bytes);
    const picture = designPicture(template.design);
    expect([image.width, image.height]).toEqual([2 * picture.width, 2 * picture.height]);
  });

  it("refuses pages it cannot answer in bounds", async () => {
    for (const query of ["?limit=0", "?limit=1001", "?offset=-1", "?limit=ten"]) {
      const result = await files(id, query);
      expect(result.status, query).toBe(400);
    }
  });

  it("refuses unknown targets and designs", async () => {
    const unknownTarget = await files(id, "?target=cobol");
    expect(unknownTarget.status).toBe(400);
    expect(unknownTarget.body.error).toMatch(/Unknown target "cobol"/);
    expect((await files("nope")).status).toBe(404);
  });
});
