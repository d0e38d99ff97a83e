import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { generateDesignDocument } from "../bench/shared/generate-design";
import { DesignerPage } from "./pages/designer";

/**
 * Auto-layout through the editor: the largest template laid out and fitted reads at zoom 0.6 or more in a
 * 1440×900 window, with no card on another and no edge through a card; a 1,000-component design lays out while
 * a timer on the page keeps ticking.
 */

const SCREENSHOTS = process.env.LAYOUT_SCREENSHOTS ?? "test-results/auto-layout";
const LARGEST_TEMPLATE = "Large-scale distributed system";
const FITTED_ZOOM = 0.6;

type Box = { x: number; y: number; width: number; height: number };

const overlapping = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function viewportZoom(designer: DesignerPage): Promise<number> {
  const transform = await designer.canvas.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
  const match = /scale\(([\d.]+)\)/.exec(transform);
  if (!match) throw new Error(`Unexpected viewport transform: ${transform}`);
  return Number(match[1]);
}

function cardBoxes(designer: DesignerPage): Promise<(Box & { name: string })[]> {
  return designer.canvas.locator(".react-flow__node-component").evaluateAll((nodes) =>
    nodes.map((node) => {
      const rect = node.getBoundingClientRect();
      return { name: node.getAttribute("aria-label") ?? "", x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
}

/**
 * Points along every drawn edge path (sampled with the browser's own path geometry, in screen pixels) that lie
 * inside a card other than the two the edge joins; empty when every edge goes around the cards.
 */
function edgePointsInsideCards(designer: DesignerPage): Promise<string[]> {
  return designer.canvas.evaluate((canvas) => {
    const cards = [...canvas.querySelectorAll(".react-flow__node-component")].map((node) => ({ id: node.getAttribute("data-id"), rect: node.getBoundingClientRect() }));
    const found: string[] = [];
    for (const edge of canvas.querySelectorAll(".react-flow__edge")) {
      const path = edge.querySelector<SVGPathElement>("path.react-flow__edge-path");
      const id = edge.getAttribute("data-id") ?? "";
      if (!path) continue;
      const ends = (edge.getAttribute("aria-label") ?? "").toString();
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 4) {
        const local = path.getPointAtLength(at);
        const point = new DOMPoint(local.x, local.y).matrixTransform(matrix);
        for (const card of cards) {
          const inside = point.x > card.rect.x + 1 && point.x < card.rect.right - 1 && point.y > card.rect.y + 1 && point.y < card.rect.bottom - 1;
          if (inside) found.push(`${id} (${ends}) at ${Math.round(point.x)},${Math.round(point.y)} inside ${card.id}`);
        }
      }
    }
    return found;
  });
}

function labelBoxes(designer: DesignerPage): Promise<Box[]> {
  return designer.canvas.locator('[data-edge-label="true"] rect').evaluateAll((pills) =>
    pills.map((pill) => {
      const rect = pill.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
}

async function createFromTemplate(page: Page, title: string): Promise<DesignerPage> {
  await page.goto("/");
  await page.getByRole("button", { name: "New design" }).click();
  const dialog = page.getByRole("dialog", { name: "New design" });
  await dialog.getByRole("radio", { name: new RegExp(title) }).click();
  await dialog.getByLabel("Name").fill(`Layout ${randomUUID().slice(0, 8)}`);
  await dialog.getByRole("button", { name: "Create design" }).click();
  await page.waitForURL(/\/designs\/[^/]+$/);
  const designer = new DesignerPage(page);
  await expect(designer.canvas.locator(".react-flow__node-component").first()).toBeVisible();
  return designer;
}

test.describe("auto-layout", () => {
  test("the largest template lays out compactly: fitted at zoom 0.6 or more, no card on another, no edge through a card", async ({ page }) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const designer = await createFromTemplate(page, LARGEST_TEMPLATE);
    const autoLayout = page.getByRole("button", { name: "Auto-layout" });
    await autoLayout.click();
    await expect(autoLayout).toBeEnabled();
    await page.getByRole("button", { name: "Fit View" }).click();
    await expect.poll(() => viewportZoom(designer)).toBeGreaterThanOrEqual(FITTED_ZOOM);
    // The fit animates; wait until the viewport holds still before reading the picture.
    await expect
      .poll(async () => {
        const before = await viewportZoom(designer);
        await page.waitForTimeout(300);
        return (await viewportZoom(designer)) === before;
      })
      .toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/largest-template.png` });

    const cards = await cardBoxes(designer);
    expect(cards.length).toBeGreaterThanOrEqual(20);
    const canvas = (await designer.canvas.boundingBox()) as Box;
    for (const card of cards) {
      expect(card.x, card.name).toBeGreaterThanOrEqual(canvas.x);
      expect(card.y, card.name).toBeGreaterThanOrEqual(canvas.y);
      expect(card.x + card.width, card.name).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(card.y + card.height, card.name).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    for (const [index, card] of cards.entries()) for (const other of cards.slice(index + 1)) expect(overlapping(card, other), `${card.name} / ${other.name}`).toBe(false);
    expect(await edgePointsInsideCards(designer)).toEqual([]);
    const labels = await labelBoxes(designer);
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) for (const card of cards) expect(overlapping(label, card)).toBe(false);
    for (const [index, label] of labels.entries()) for (const other of labels.slice(index + 1)) expect(overlapping(label, other)).toBe(false);
  });

  test("a 1,000-component design lays out while the page keeps ticking", async ({ page, request }) => {
    test.setTimeout(240_000);
    const created = await request.post("/api/designs", { data: { document: { ...generateDesignDocument(1_000), name: `Large layout ${randomUUID().slice(0, 8)}` } } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/designs/${id}`);
    const designer = new DesignerPage(page);
    await expect(designer.canvas.locator(".react-flow__node-component").first()).toBeVisible({ timeout: 60_000 });
    const firstCard = designer.canvas.locator(".react-flow__node-component").first();
    const before = await firstCard.evaluate((element) => (element as HTMLElement).style.transform);

    // A counter the page advances every animation frame and every 20 ms; sampled every 100 ms from a timer of
    // its own, it shows whether the page answered throughout.
    await page.evaluate(() => {
      const scope = window as unknown as { ticks: number; samples: number[]; stop: () => void };
      scope.ticks = 0;
      scope.samples = [];
      let running = true;
      const frame = () => {
        scope.ticks += 1;
        if (running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const interval = window.setInterval(() => (scope.ticks += 1), 20);
      const sampler = window.setInterval(() => scope.samples.push(scope.ticks), 100);
      scope.stop = () => {
        running = false;
        clearInterval(interval);
        clearInterval(sampler);
      };
    });
    const started = Date.now();
    const autoLayout = page.locator("button", { hasText: "Auto-layout" });
    await autoLayout.click();
    await expect(autoLayout).toBeEnabled({ timeout: 120_000 });
    await expect.poll(() => firstCard.evaluate((element) => (element as HTMLElement).style.transform), { timeout: 60_000 }).not.toBe(before);
    const elapsed = Date.now() - started;
    const samples = await page.evaluate(() => {
      const scope = window as unknown as { samples: number[]; stop: () => void };
      scope.stop();
      return scope.samples;
    });
    test.info().annotations.push({ type: "Auto-layout of 1,000 components", description: `${elapsed} ms from the click to the moved cards, ${samples.length} samples` });
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/thousand-components.png` });
    // The counter advanced between (nearly) every two samples: a frozen page would leave a run of equal samples
    // as long as the layout.
    expect(samples.length).toBeGreaterThan(3);
    let longestStall = 0;
    let stall = 0;
    for (let index = 1; index < samples.length; index += 1) {
      stall = samples[index] === samples[index - 1] ? stall + 1 : 0;
      longestStall = Math.max(longestStall, stall);
    }
    expect(longestStall).toBeLessThanOrEqual(Math.max(2, Math.floor(samples.length / 4)));
    expect(samples[samples.length - 1]).toBeGreaterThan(samples[0]);
  });
});
