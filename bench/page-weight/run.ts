/**
 * Page weight: the JavaScript each page loads before it is ready, compressed as the server sends it, measured in
 * headless Chromium against a production build, with a budget per page. Exits 1 when a page is over its budget.
 *
 *   npx tsx bench/page-weight/run.ts
 *
 * Needs a production build (`npx next build`; the script runs it when .next/BUILD_ID is missing) and Chromium.
 * The budgets are issue 14's: the editor at most 300 kB (a bare Next.js + React Flow page is about 190 kB).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { findTemplate } from "../../lib/templates";
import { startArchway } from "../shared/archway-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const KB = 1024;

interface PageCase {
  name: string;
  path: (setup: { designId: string }) => string;
  /** What shows the page is ready. */
  ready: (page: Page) => Promise<unknown>;
  budgetKb: number;
}

const PAGES: PageCase[] = [
  { name: "designs (/)", path: () => "/", ready: (page) => page.getByRole("heading", { name: "Designs" }).waitFor(), budgetKb: 250 },
  { name: "editor (/designs/:id)", path: ({ designId }) => `/designs/${designId}`, ready: (page) => page.locator(".react-flow__node-component").first().waitFor(), budgetKb: 300 },
  { name: "practice (/practice)", path: () => "/practice", ready: (page) => page.getByRole("heading").first().waitFor(), budgetKb: 250 },
];

/** Compressed bytes of every script the page loaded until it was ready and the network went quiet. */
async function scriptBytes(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<{ bytes: number; files: number }> {
  const responses: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") responses.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  const sizes = await Promise.all(responses);
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: sizes.length };
}

async function main() {
  const workDir = mkdtempSync(path.join(tmpdir(), "archway-bench-weight-"));
  const archway = await startArchway(workDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let over = false;
  try {
    const created = await fetch(`${archway.baseUrl}/api/designs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ document: findTemplate("three-tier-web-app")!.design }),
    });
    const { id } = (await created.json()) as { id: string };
    const rows = [];
    for (const pageCase of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const { bytes, files } = await scriptBytes(page, `${archway.baseUrl}${pageCase.path({ designId: id })}`, pageCase.ready);
      await context.close();
      const withinBudget = bytes <= pageCase.budgetKb * KB;
      over ||= !withinBudget;
      rows.push({ page: pageCase.name, scripts: files, "JavaScript (compressed)": `${(bytes / KB).toFixed(1)} kB`, budget: `${pageCase.budgetKb} kB`, within: withinBudget ? "yes" : "NO" });
    }
    console.log("Page weight: JavaScript loaded before each page is ready, as sent (compressed)");
    console.table(rows);
  } finally {
    await browser.close();
    archway.process.kill();
    rmSync(workDir, { recursive: true, force: true });
  }
  if (over) {
    console.error("A page is over its budget.");
    process.exitCode = 1;
  }
}

await main();
