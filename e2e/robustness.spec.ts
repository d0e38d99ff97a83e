import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { LIMITS } from "../lib/model";
import { largestDesign, retryChain } from "../tests/helpers/large-designs";

/**
 * One request must never stall or crash the server: the production build gets the largest documents the schema
 * allows and the longest retry chain, on every route that does heavy work, while another client keeps listing
 * designs. Each answer is either a success or a clear refusal naming the limit, and every body stays bounded.
 */

const MB = 1024 * 1024;
/** The bar for "not blocked": the listing answers well under a second while heavy work runs. */
const RESPONSIVE_MS = 1_000;

test.describe.configure({ mode: "serial", timeout: 600_000 });

async function bodySize(response: APIResponse): Promise<number> {
  return (await response.body()).byteLength;
}

/** Runs `heavy` while a second client lists designs every 100 ms; returns the heavy response and the listing delays. */
async function whileListing(request: APIRequestContext, heavy: () => Promise<APIResponse>) {
  let done = false;
  const delays: number[] = [];
  const listing = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await request.get("/api/designs");
      expect(response.status()).toBe(200);
      delays.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const response = await heavy().finally(() => (done = true));
  const heavyMs = performance.now() - started;
  await listing;
  return { response, delays, heavyMs };
}

async function expectAlive(request: APIRequestContext) {
  const response = await request.get("/api/designs");
  expect(response.status()).toBe(200);
}

/** A refusal names what was too much; success is 200. Either way the server lives on. */
async function expectOkOrClearRefusal(response: APIResponse) {
  if (response.status() === 200) return;
  expect([413, 422, 503]).toContain(response.status());
  const body = (await response.json()) as { error?: string };
  expect(body.error, "a refusal says why").toMatch(/limit|larger|more than|longer than|too/i);
}

test("validating the longest retry chain answers with a bounded body while others are served", async ({ request }) => {
  const chain = retryChain(LIMITS.components - 1);
  const { response, delays, heavyMs } = await whileListing(request, () =>
    request.post("/api/validate", { data: chain, timeout: 300_000 }),
  );
  expect(response.status()).toBe(200);
  const size = await bodySize(response);
  expect(size, "findings of a chain name it once, not a path per finding").toBeLessThan(2 * MB);
  const body = (await response.json()) as { findings: unknown[]; scores: unknown };
  expect(body.scores).toBeTruthy();
  expect(delays.length, `listing ran while the ${Math.round(heavyMs)} ms validation ran`).toBeGreaterThan(0);
  expect(Math.max(...delays)).toBeLessThan(RESPONSIVE_MS);
  await expectAlive(request);
});

test("the largest design the schema allows can be imported, saved, re-saved, duplicated, checked, simulated, generated and exported", async ({ request }) => {
  const document = largestDesign();

  const created = await request.post("/api/designs", { data: { document }, timeout: 300_000 });
  expect(created.status()).toBe(201);
  const { id, revision } = (await created.json()) as { id: string; revision: number };

  const loaded = await request.get(`/api/designs/${id}`, { timeout: 300_000 });
  expect(loaded.status()).toBe(200);
  const stored = (await loaded.json()) as { document: { components: unknown[]; connections: unknown[] } };
  expect(stored.document.components).toHaveLength(LIMITS.components);
  expect(stored.document.connections).toHaveLength(LIMITS.connections);

  const saved = await request.put(`/api/designs/${id}`, { data: { baseRevision: revision, document: stored.document }, timeout: 300_000 });
  expect(saved.status(), "what the server hands out can be saved back").toBe(200);
  const resaved = await request.put(`/api/designs/${id}`, {
    data: { baseRevision: ((await saved.json()) as { revision: number }).revision, document: { ...stored.document, name: "Largest, renamed" } },
    timeout: 300_000,
  });
  expect(resaved.status()).toBe(200);

  const duplicate = await request.post("/api/designs", { data: { duplicateOf: id }, timeout: 300_000 });
  expect(duplicate.status()).toBe(201);

  const validated = await request.post("/api/validate", { data: document, timeout: 300_000 });
  expect(validated.status()).toBe(200);
  expect(await bodySize(validated)).toBeLessThan(4 * MB);

  const simulated = await request.post("/api/simulate", { data: { design: document }, timeout: 300_000 });
  await expectOkOrClearRefusal(simulated);
  expect(await bodySize(simulated)).toBeLessThan(8 * MB);

  for (const target of ["mermaid", "terraform", "kubernetes", "typescript", "all"]) {
    const files = await request.get(`/api/designs/${id}/files?target=${target}`, { timeout: 300_000 });
    await expectOkOrClearRefusal(files);
    expect(await bodySize(files), `files?target=${target} is bounded`).toBeLessThan(8 * MB);
  }

  const { response: exported, delays } = await whileListing(request, () => request.get(`/api/designs/${id}/export`, { timeout: 300_000 }));
  await expectOkOrClearRefusal(exported);
  if (exported.status() === 200) {
    expect(exported.headers()["content-type"]).toBe("application/zip");
    const zip = await exported.body();
    expect(zip.subarray(0, 4).toString("hex"), "a zip's local file header").toBe("504b0304");
  }
  expect(Math.max(...delays)).toBeLessThan(RESPONSIVE_MS);
  await expectAlive(request);
});

test("a body above the limit is refused before it is read, and the server lives on", async ({ request }) => {
  const response = await request.post("/api/validate", {
    headers: { "content-type": "application/json" },
    data: Buffer.alloc(6 * MB, 0x20),
  });
  expect(response.status()).toBe(413);
  await expectAlive(request);
});
