import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

/** The lowest zoom a design may open at: cards show their name in 15 px type, 10.5 px on screen there. */
const READABLE_ZOOM = 0.7;
const SMALLEST_READABLE_PX = 10;
const SCREENSHOTS = process.env.CANVAS_SCREENSHOTS ?? "test-results/canvas-readability";

const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type Box = { x: number; y: number; width: number; height: number };

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlapping = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every component card's box on screen. */
function cardBoxes(designer: DesignerPage): Promise<Box[]> {
  return designer.canvas.locator(".react-flow__node-component").evaluateAll((nodes) =>
    nodes.map((node) => {
      const rect = node.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
}

function expectNoOverlap(cards: Box[]) {
  for (const [index, card] of cards.entries()) for (const other of cards.slice(index + 1)) expect(overlapping(card, other)).toBe(false);
}

/** The canvas's viewport as React Flow draws it: translate(x, y) scale(zoom) on the viewport layer. */
async function viewportOf(designer: DesignerPage): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await designer.canvas.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
  if (!match) throw new Error(`Unexpected viewport transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** A node's position inside its parent, from the translate React Flow gives it. */
async function nodePosition(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`Unexpected node transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** Creates a design from the gallery template whose radio is `choice` and opens it. */
async function createFromTemplate(page: Page, choice: Locator, name: string): Promise<DesignerPage> {
  await choice.click();
  const dialog = page.getByRole("dialog", { name: "New design" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create design" }).click();
  await page.waitForURL(/\/designs\/[^/]+$/);
  const designer = new DesignerPage(page);
  await expect(designer.canvas.locator(".react-flow__node-component").first()).toBeVisible();
  return designer;
}

/**
 * Pans the canvas the way a person does, by dragging an empty part of it, until `target` is inside the
 * canvas. The drag starts on a point where the pane itself is under the pointer (zone interiors let the
 * pointer through; cards and zone headers do not).
 */
async function panIntoView(page: Page, designer: DesignerPage, target: Locator) {
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const canvas = await designer.canvas.boundingBox();
    const box = await target.boundingBox();
    if (!canvas || !box) throw new Error("canvas or target not rendered");
    if (inside(box, { x: canvas.x + 10, y: canvas.y + 10, width: canvas.width - 20, height: canvas.height - 20 })) return;
    const wanted = { x: canvas.x + canvas.width / 2 - (box.x + box.width / 2), y: canvas.y + canvas.height / 2 - (box.y + box.height / 2) };
    const step = { x: Math.max(-300, Math.min(300, wanted.x)), y: Math.max(-250, Math.min(250, wanted.y)) };
    const start = await page.evaluate(
      ({ canvas, step }) => {
        for (let row = 1; row < 10; row += 1) {
          for (let column = 1; column < 10; column += 1) {
            const x = canvas.x + (canvas.width * column) / 10;
            const y = canvas.y + (canvas.height * row) / 10;
            const end = { x: x + step.x, y: y + step.y };
            if (end.x < canvas.x || end.y < canvas.y || end.x > canvas.x + canvas.width || end.y > canvas.y + canvas.height) continue;
            if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
          }
        }
        return null;
      },
      { canvas, step },
    );
    if (!start) throw new Error("no empty spot on the canvas to pan from");
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + step.x, start.y + step.y, { steps: 6 });
    await page.mouse.up();
  }
  throw new Error("could not pan the target into view");
}

test.describe("canvas readability and placement", () => {
  test("every template opens at a readable zoom and every component name can be read", async ({ page }) => {
    test.setTimeout(240_000);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const radios = page.getByRole("dialog", { name: "New design" }).getByRole("radio");
    await expect.poll(() => radios.count()).toBeGreaterThanOrEqual(11);
    const titles = (await radios.allInnerTexts()).slice(1);

    for (let index = 0; index < titles.length; index += 1) {
      await page.goto("/");
      await page.getByRole("button", { name: "New design" }).click();
      const choice = page.getByRole("dialog", { name: "New design" }).getByRole("radio").nth(index + 1);
      const designer = await createFromTemplate(page, choice, uniqueName(`Template ${index + 1}`));
      if (index === 0) await designer.canvas.screenshot({ path: `${SCREENSHOTS}/template-opening-zoom.png` });
      const { zoom } = await viewportOf(designer);
      expect(zoom, titles[index]).toBeGreaterThanOrEqual(READABLE_ZOOM);

      const cards = designer.canvas.locator(".react-flow__node-component");
      const names = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label") ?? ""));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const card = designer.node(name);
        await panIntoView(page, designer, card);
        const label = card.getByTitle(name, { exact: true });
        await expect(label, name).toBeVisible();
        const canvas = await designer.canvas.boundingBox();
        const box = await label.boundingBox();
        expect(canvas && box && inside(box, canvas), `${name} is on screen`).toBe(true);
        const shown = await label.evaluate((element) => {
          const style = getComputedStyle(element);
          const lineHeight = Number.parseFloat(style.lineHeight);
          return {
            text: element.textContent ?? "",
            lines: Math.round(element.clientHeight / lineHeight),
            whole: element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1,
            fontSize: Number.parseFloat(style.fontSize),
          };
        });
        expect(shown.text).toBe(name);
        expect(shown.lines, `${name} takes at most two lines`).toBeLessThanOrEqual(2);
        // Not clipped, or (longer than two lines hold) ended with an ellipsis and the full name in the title.
        if (!shown.whole) expect(shown.lines, `${name} is clamped only at two full lines`).toBe(2);
        const onScreen = shown.fontSize * (await viewportOf(designer)).zoom;
        expect(onScreen, `${name} is drawn large enough to read`).toBeGreaterThanOrEqual(SMALLEST_READABLE_PX);
      }
    }
  });

  test("drops and pastes onto a crowded spot land clear of every card", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Crowded"));
    await designer.dragFromPalette("VPC", { x: 120, y: 80 });
    await expect(designer.zoneLabel("VPC")).toBeVisible();
    for (let drop = 0; drop < 3; drop += 1) await designer.dragFromPalette("Service", { x: 300, y: 200 });
    await expect(designer.canvas.locator(".react-flow__node-component")).toHaveCount(3);

    await designer.node("Service").click();
    await page.keyboard.press("ControlOrMeta+c");
    await page.keyboard.press("ControlOrMeta+v");
    await expect(designer.node("Service 4")).toBeVisible();

    const cards = await cardBoxes(designer);
    expect(cards).toHaveLength(4);
    expectNoOverlap(cards);
    // All of them in the VPC they were dropped into.
    const vpc = await designer.canvas.locator(".react-flow__node-zone").boundingBox();
    for (const card of cards) expect(vpc && inside(card, vpc)).toBe(true);
  });

  test("a component added by a Fix lands clear of the cards already there", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Fix placement"));
    await designer.dragFromPalette("Client", { x: 100, y: 260 });
    await designer.dragFromPalette("Load balancer", { x: 400, y: 260 });
    // The WAF fix puts its card 180 px left of and 120 px above the load balancer's corner: occupy that spot.
    await designer.dragFromPalette("Cache", { x: 220, y: 140 });
    await designer.connect("Client", "Load balancer");
    await page.getByRole("tab", { name: "Findings" }).click();
    const panel = page.getByRole("tabpanel", { name: "Findings" });
    const finding = panel.locator("li", { has: page.getByRole("button", { name: "Internet traffic passes a WAF before the load balancer or gateway" }) });
    await finding.getByRole("button", { name: "Fix" }).click();
    await expect(designer.node("WAF")).toBeVisible();

    const cards = await cardBoxes(designer);
    expect(cards).toHaveLength(4);
    expectNoOverlap(cards);
  });

  test("a connection starts from the handle of a card another card touches", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Touching"));
    await designer.dragFromPalette("Load balancer", { x: 200, y: 200 });
    await designer.dragFromPalette("Service", { x: 500, y: 200 });
    const balancer = await designer.node("Load balancer").boundingBox();
    const service = await designer.node("Service").boundingBox();
    if (!balancer || !service) throw new Error("cards not rendered");
    // Drag the service by its body until its left edge touches the load balancer's right edge (a second,
    // shorter drag takes up what the drag threshold swallowed).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await designer.node("Service").boundingBox();
      if (!current) throw new Error("service not rendered");
      const by = { x: balancer.x + balancer.width - current.x, y: balancer.y - current.y };
      if (Math.abs(by.x) < 1 && Math.abs(by.y) < 1) break;
      // Grabbed between the icon and the name, away from every handle.
      const grip = { x: current.x + current.width * 0.35, y: current.y + current.height / 2 };
      await page.mouse.move(grip.x, grip.y);
      await page.mouse.down();
      await page.mouse.move(grip.x + by.x / 2, grip.y + by.y / 2, { steps: 4 });
      await page.mouse.move(grip.x + by.x, grip.y + by.y, { steps: 4 });
      await page.mouse.up();
    }
    const touching = await designer.node("Service").boundingBox();
    // Within 2 px: the load balancer's right handle (8 px wide, centred on its border) lies over the service.
    expect(Math.abs((touching?.x ?? 0) - (balancer.x + balancer.width))).toBeLessThanOrEqual(2);
    expect(Math.abs((touching?.y ?? 0) - balancer.y)).toBeLessThanOrEqual(2);
    const before = await nodePosition(designer.node("Service"));

    // Press the load balancer's right handle on its outer half, the part drawn over the touching service.
    await designer.node("Load balancer").hover();
    const handle = await designer.node("Load balancer").locator(".react-flow__handle-right").boundingBox();
    const target = await designer.node("Service").boundingBox();
    if (!handle || !target) throw new Error("handle or target not rendered");
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2, { steps: 3 });
    await page.mouse.move(handle.x + handle.width - 1, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width * 0.7, target.y + target.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(designer.edge("Load balancer", "Service")).toHaveCount(1);
    expect(await nodePosition(designer.node("Service"))).toEqual(before);
  });

  test("the viewport and snap to grid are kept across reloads; arrow keys nudge as one undo step", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Viewport"));
    await designer.dragFromPalette("Service", { x: 300, y: 240 });
    await expect(designer.node("Service")).toBeVisible();

    // Zoom out a little and pan; the viewport is saved when the move ends.
    const canvas = await designer.canvas.boundingBox();
    if (!canvas) throw new Error("canvas not rendered");
    await page.mouse.move(canvas.x + 600, canvas.y + 500);
    await page.mouse.wheel(0, 200);
    await page.mouse.move(canvas.x + 700, canvas.y + 600);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 640, canvas.y + 560, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(500);
    const moved = await viewportOf(designer);
    expect(moved.zoom).toBeLessThan(1);

    const snap = designer.canvas.getByRole("button", { name: "Snap to grid" });
    await expect(snap).toHaveAttribute("aria-pressed", "false");
    await snap.click();
    await expect(snap).toHaveAttribute("aria-pressed", "true");
    await designer.waitForSaved();

    await page.reload();
    await expect(designer.node("Service")).toBeVisible();
    // Kept to the pixel and to a thousandth of zoom (it is stored rounded).
    await expect
      .poll(async () => {
        const kept = await viewportOf(designer);
        return Math.abs(kept.x - moved.x) <= 1 && Math.abs(kept.y - moved.y) <= 1 && Math.abs(kept.zoom - moved.zoom) <= 0.001;
      })
      .toBe(true);
    await expect(snap).toHaveAttribute("aria-pressed", "true");
    await snap.click();
    await expect(snap).toHaveAttribute("aria-pressed", "false");

    const card = designer.node("Service");
    await card.click();
    const start = await nodePosition(card);
    for (let press = 0; press < 3; press += 1) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect.poll(() => nodePosition(card)).toEqual({ x: start.x + 15, y: start.y + 20 });
    await page.keyboard.press("ControlOrMeta+z");
    await expect.poll(() => nodePosition(card)).toEqual(start);
  });
});
