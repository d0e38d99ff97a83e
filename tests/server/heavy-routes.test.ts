import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/designs/[id]/export/route";
import * as filesRoute from "@/app/api/designs/[id]/files/route";
import * as designsRoute from "@/app/api/designs/route";
import { disconnectAll } from "@/lib/db/client";
import { median } from "../../bench/shared/baseline";
import { BACKENDS, type TestBackendServer } from "../integration/backends";
import { generatedDocument, importDesign, LARGE_DESIGN_SIZES, routeRequest } from "./support";

// This machine's cores are shared: a 1,000-component export can take longer than the default 30 s here, and
// what this file checks is where the work runs, not how fast. The pool reads its limits on first use.
process.env.ARCHWAY_JOB_TIMEOUT_MS = "170000";

const sqlite = BACKENDS.find((backend) => backend.name === "sqlite")!;

async function listDesignsTook(): Promise<number> {
  const started = performance.now();
  const response = await designsRoute.GET(routeRequest("/api/designs"), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  await response.json();
  return performance.now() - started;
}

describe("heavy routes run off the request thread", () => {
  let server: TestBackendServer;
  const previousUrl = process.env.DATABASE_URL;
  let thousand: string;
  let tenThousand: string;

  beforeAll(async () => {
    server = await sqlite.start();
    process.env.DATABASE_URL = await server.createDatabase();
    thousand = await importDesign(generatedDocument(LARGE_DESIGN_SIZES.thousand));
    tenThousand = await importDesign(generatedDocument(LARGE_DESIGN_SIZES.tenThousand));
  });

  afterAll(async () => {
    await disconnectAll();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await server?.stop();
  });

  it("keeps answering GET /api/designs while a 1,000-component export runs", { timeout: 180_000 }, async () => {
    const baseline = [];
    for (let run = 0; run < 10; run += 1) {
      baseline.push(await listDesignsTook());
      await new Promise((resolve) => setImmediate(resolve));
    }

    const started = performance.now();
    let exported = false;
    const exporting = exportRoute
      .GET(routeRequest(`/api/designs/${thousand}/export`), { params: Promise.resolve({ id: thousand }) })
      .then(async (response) => ({ status: response.status, bytes: (await response.arrayBuffer()).byteLength }))
      .finally(() => (exported = true));
    const during = [];
    // Each round lets the event loop run (as requests arriving over the network would): the list calls resolve
    // through microtasks alone, and a loop of them would starve the messages the export's answer travels on.
    while (!exported) {
      during.push(await listDesignsTook());
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { status, bytes } = await exporting;
    const exportTook = performance.now() - started;

    expect(status).toBe(200);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Were the export on this thread, the list would wait for all of it: one answer, about as slow as the export.
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...during)).toBeLessThan(exportTook / 10);
    expect(median(during)).toBeLessThan(Math.max(20 * median(baseline), exportTook / 100));
  });

  it("answers files?target=typescript for a 10,000-component design with a bounded page of the index, and any one file", { timeout: 180_000 }, async () => {
    const files = (query: string) => filesRoute.GET(routeRequest(`/api/designs/${tenThousand}/files${query}`), { params: Promise.resolve({ id: tenThousand }) });
    const response = await files("?target=typescript&offset=1000&limit=1000");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeLessThan(200_000);
    const page = JSON.parse(text);
    expect(page.total).toBeGreaterThan(100_000);
    expect(page.files).toHaveLength(1000);
    const [entry] = page.files;
    const one = await files(`?target=typescript&path=${encodeURIComponent(entry.path)}`);
    expect(one.status).toBe(200);
    const { file } = await one.json();
    expect(file.path).toBe(entry.path);
    expect(Buffer.byteLength(file.contents, "utf8")).toBe(entry.size);
  });
});
