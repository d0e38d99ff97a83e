import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/designs/[id]/export/route";
import * as designsRoute from "@/app/api/designs/route";
import { disconnectAll } from "@/lib/db/client";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import { BACKENDS, type TestBackendServer } from "../integration/backends";
import { EXPORT_DESIGN_INPUT, FIXED_FILES } from "./support/export-design";

const sqlite = BACKENDS.find((backend) => backend.name === "sqlite")!;

async function exportDesign(id: string) {
  return exportRoute.GET(new Request(`http://localhost/api/designs/${id}/export`), { params: Promise.resolve({ id }) });
}

describe("GET /api/designs/:id/export", () => {
  let server: TestBackendServer;
  let id: string;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    server = await sqlite.start();
    process.env.DATABASE_URL = await server.createDatabase();
    const document = { ...EXPORT_DESIGN_INPUT, name: 'Checkout "prod"\n../../etc' };
    const response = await designsRoute.POST(
      new Request("http://localhost/api/designs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document }) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(201);
    id = (await response.json()).id;
  });

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });

  it("answers the stored design's starter repository as application/zip, with a safe file name", async () => {
    const response = await exportDesign(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="checkout-prod-etc-starter.zip"');
    const zip = new Uint8Array(await response.arrayBuffer());
    const names = Object.keys(unzipSync(zip));
    expect(names.every((path) => path.startsWith("checkout-prod-etc/"))).toBe(true);
    for (const path of FIXED_FILES) expect(names).toContain(`checkout-prod-etc/${path}`);
    expect(names).toContain("checkout-prod-etc/services/orders/package.json");
  });

  it("gives the same bytes on every request, and the same zip the CLI and the browser build", async () => {
    const first = new Uint8Array(await (await exportDesign(id)).arrayBuffer());
    const second = new Uint8Array(await (await exportDesign(id)).arrayBuffer());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const stored = await (await import("@/lib/db/designs")).getDesign(id);
    expect(Buffer.from(toZip(starterRepoZipFiles(stored!.document, { archwayVersion: ARCHWAY_VERSION }))).equals(Buffer.from(first))).toBe(true);
  });

  it("answers 404 as JSON for a design that does not exist", async () => {
    const response = await exportDesign("missingDesign");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Design missingDesign not found" });
  });
});
