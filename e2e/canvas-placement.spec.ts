import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const SCREENSHOTS = process.env.CANVAS_SCREENSHOTS ?? "test-results/canvas-placement";
const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type Box = { x: number; y: number; width: number; height: number };

const overlapping = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return box;
}

/**
 * Presses at `from`, moves to `to` in steps and, unless told to hold, releases there. A first 3 px move starts
 * the gesture (React Flow does not pass on the move that starts a drag), so the item ends within 3 px of `to`.
 */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, options: { hold?: boolean } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y);
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  if (!options.hold) await page.mouse.up();
}

/** A point inside a card, between its icon and its name: away from the edge strips that start connections. */
const grip = (box: Box) => ({ x: box.x + box.width * 0.4, y: box.y + box.height / 2 });

test.describe("placement that helps", () => {
  test.beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  test("a card dragged near another's left edge shows a guide and snaps onto it", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Guides"));
    await designer.dragFromPalette("Service", { x: 300, y: 160 });
    await designer.dragFromPalette("Database", { x: 620, y: 420 });
    const service = await boxOf(designer.node("Service"));
    const database = await boxOf(designer.node("Database"));
    expect(Math.abs(database.x - service.x)).toBeGreaterThan(100);

    // Drag the database until its left edge is 4 px right of the service's, and hold it there.
    const start = grip(database);
    await drag(page, start, { x: start.x + service.x + 4 - database.x, y: start.y - 60 }, { hold: true });
    const guides = designer.canvas.getByTestId("alignment-guides");
    // A vertical guide (no width, so checked by where it is drawn, not by visibility) on the service's left edge.
    const verticals = guides.locator('line[data-axis="x"]');
    await expect(verticals.first()).toBeAttached();
    const drawnAt = await verticals.evaluateAll((lines) => lines.map((line) => line.getBoundingClientRect().x));
    expect(drawnAt.some((x) => Math.abs(x - service.x) <= 1)).toBe(true);
    await designer.canvas.screenshot({ path: `${SCREENSHOTS}/alignment-guide.png` });
    await page.mouse.up();

    await expect(guides).toHaveCount(0);
    const snapped = await boxOf(designer.node("Database"));
    expect(Math.abs(snapped.x - service.x)).toBeLessThanOrEqual(0.5);
  });

  test("three cards are aligned, distributed with equal gaps and zoomed to, from the bar and the keyboard, each as one undo step", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Align"));
    await designer.dragFromPalette("Service", { x: 220, y: 120 });
    await designer.dragFromPalette("Database", { x: 520, y: 300 });
    await designer.dragFromPalette("Queue", { x: 330, y: 560 });
    const names = ["Service", "Database", "Queue"];

    await designer.node("Service").click({ position: { x: 70, y: 28 } });
    for (const name of names.slice(1)) await designer.node(name).click({ position: { x: 70, y: 28 }, modifiers: ["ControlOrMeta"] });
    const toolbar = page.getByRole("toolbar", { name: "Placement" });
    await expect(toolbar.getByRole("button", { name: "Distribute vertically" })).toBeVisible();
    await designer.canvas.screenshot({ path: `${SCREENSHOTS}/placement-toolbar.png` });

    const before = await Promise.all(names.map((name) => boxOf(designer.node(name))));
    await toolbar.getByRole("button", { name: "Align left" }).click();
    const leftmost = Math.min(...before.map((box) => box.x));
    await expect.poll(async () => (await Promise.all(names.map(async (name) => Math.round((await boxOf(designer.node(name))).x - leftmost)))).join(",")).toBe("0,0,0");

    await toolbar.getByRole("button", { name: "Distribute vertically" }).click();
    const gaps = async () => {
      const boxes = (await Promise.all(names.map((name) => boxOf(designer.node(name))))).sort((a, b) => a.y - b.y);
      return [boxes[1].y - boxes[0].y - boxes[0].height, boxes[2].y - boxes[1].y - boxes[1].height];
    };
    await expect.poll(async () => { const [first, second] = await gaps(); return Math.abs(first - second) <= 1 && first > 20; }).toBe(true);
    await expect.poll(async () => (await Promise.all(names.map(async (name) => Math.round((await boxOf(designer.node(name))).x - leftmost)))).join(",")).toBe("0,0,0");

    // Zoom to selection (Shift+2): the three cards fill the canvas's height.
    const canvas = await boxOf(designer.canvas);
    await page.keyboard.press("Shift+Digit2");
    const selectionBox = async () => {
      const boxes = await Promise.all(names.map((name) => boxOf(designer.node(name))));
      const top = Math.min(...boxes.map((box) => box.y));
      const bottom = Math.max(...boxes.map((box) => box.y + box.height));
      const left = Math.min(...boxes.map((box) => box.x));
      const right = Math.max(...boxes.map((box) => box.x + box.width));
      return { x: left, y: top, width: right - left, height: bottom - top };
    };
    const fills = async () => {
      const box = await selectionBox();
      const inside = box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
      return inside && Math.max(box.width / canvas.width, box.height / canvas.height) >= 0.7;
    };
    await expect.poll(fills).toBe(true);

    // Zoomed away again, the toolbar button brings them back.
    await page.mouse.move(canvas.x + canvas.width * 0.6, canvas.y + canvas.height * 0.6);
    for (let turn = 0; turn < 4; turn += 1) await page.mouse.wheel(0, 300);
    await expect.poll(fills).toBe(false);
    await toolbar.getByRole("button", { name: "Zoom to selection" }).click();
    await expect.poll(fills).toBe(true);

    // Undo takes back the distribution, then the alignment.
    await page.keyboard.press("ControlOrMeta+z");
    await expect.poll(async () => { const [first, second] = await gaps(); return Math.abs(first - second) <= 1; }).toBe(false);
    await page.keyboard.press("ControlOrMeta+z");
    await expect.poll(async () => new Set(await Promise.all(names.map(async (name) => Math.round((await boxOf(designer.node(name))).x)))).size).toBe(3);

    // Alt+W aligns the tops from the keyboard.
    await page.keyboard.press("Alt+KeyW");
    await expect.poll(async () => new Set(await Promise.all(names.map(async (name) => Math.round((await boxOf(designer.node(name))).y)))).size).toBe(1);
  });

  test("a zone resized into its neighbour pushes the neighbour aside", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Push"));
    const canvas = await boxOf(designer.canvas);
    // Zoom out a little so two namespaces fit side by side.
    await page.mouse.move(canvas.x + 20, canvas.y + 20);
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(300);
    await designer.dragFromPalette("Kubernetes namespace", { x: 60, y: 120 });
    await designer.dragFromPalette("Kubernetes namespace", { x: 400, y: 120 });
    const zones = designer.canvas.locator(".react-flow__node-zone");
    await expect(zones).toHaveCount(2);
    const sorted = async () => (await Promise.all([0, 1].map((index) => boxOf(zones.nth(index))))).map((box, index) => ({ box, index })).sort((a, b) => a.box.x - b.box.x);
    const [left, right] = await sorted();
    expect(overlapping(left.box, right.box)).toBe(false);

    // Select the left zone by its header and pull its right side 200 px into the neighbour.
    await page.mouse.click(left.box.x + 30, left.box.y + 12);
    const handle = zones.nth(left.index).locator(".react-flow__resize-control.line.right");
    const line = await boxOf(handle);
    const from = { x: line.x + line.width / 2, y: line.y + line.height / 2 };
    await drag(page, from, { x: from.x + 200, y: from.y });

    const grown = await boxOf(zones.nth(left.index));
    const pushed = await boxOf(zones.nth(right.index));
    expect(grown.width).toBeGreaterThan(left.box.width + 150);
    expect(pushed.x).toBeGreaterThan(right.box.x + 50);
    expect(overlapping(grown, pushed)).toBe(false);
    await designer.canvas.screenshot({ path: `${SCREENSHOTS}/zone-pushed.png` });

    // One undo step puts both back.
    await page.keyboard.press("ControlOrMeta+z");
    await expect.poll(async () => Math.round((await boxOf(zones.nth(right.index))).x - right.box.x)).toBe(0);
  });

  test("a connection starts anywhere on a card's edge, not only at the dots", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Edge connect"));
    await designer.dragFromPalette("Service", { x: 260, y: 160 });
    await designer.dragFromPalette("Database", { x: 560, y: 420 });
    const service = await boxOf(designer.node("Service"));
    const database = await boxOf(designer.node("Database"));

    // Press the service's bottom edge a quarter of the way along, far from the dot in its middle.
    await designer.node("Service").hover();
    await drag(page, { x: service.x + service.width * 0.25, y: service.y + service.height - 3 }, { x: database.x + database.width / 2, y: database.y + database.height / 2 });
    await expect(designer.edge("Service", "Database")).toHaveCount(1);
    expect(await boxOf(designer.node("Service"))).toEqual(service);
  });
});
