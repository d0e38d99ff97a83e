import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { EXPORT_DESIGN_INPUT } from "../tests/export/support/export-design";
import { DesignerPage } from "./pages/designer";

const NOTE_TEXT = "Ask ops about backups before launch";

async function openExportDesign(page: Page, request: import("@playwright/test").APIRequestContext): Promise<DesignerPage> {
  const created = await request.post("/api/designs", { data: { document: { ...EXPORT_DESIGN_INPUT, name: `Notes ${randomUUID().slice(0, 8)}` } } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/designs/${id}`);
  const designer = new DesignerPage(page);
  await expect(designer.node("Orders")).toBeVisible();
  return designer;
}

test.describe("notes and the outputs view", () => {
  test("a note written on the canvas survives a reload and reaches the exported architecture doc", async ({ page, request }) => {
    const designer = await openExportDesign(page, request);
    const box = await designer.canvas.boundingBox();
    if (!box) throw new Error("No canvas");
    await designer.dragFromPalette("Note", { x: box.width / 2, y: box.height - 140 });
    const note = designer.canvas.locator(".react-flow__node-annotation");
    await expect(note).toHaveCount(1);
    await expect(note).toContainText("Note");

    await note.dblclick();
    const editor = note.getByRole("textbox", { name: "Note text" });
    await expect(editor).toBeFocused();
    await editor.fill(NOTE_TEXT);
    await editor.press("Escape");
    await expect(editor).toHaveCount(0);
    await expect(note).toContainText(NOTE_TEXT);

    // Undo takes the edit back in one step, redo brings it again.
    await page.keyboard.press("Control+z");
    await expect(note).toContainText("Note");
    await expect(note).not.toContainText(NOTE_TEXT);
    await page.keyboard.press("Control+Shift+z");
    await expect(note).toContainText(NOTE_TEXT);

    // A shape goes in beside it and goes again with Delete.
    await designer.dragFromPalette("Ellipse", { x: 140, y: 120 });
    const shapes = designer.canvas.locator(".react-flow__node-annotation");
    await expect(shapes).toHaveCount(2);
    await page.keyboard.press("Delete");
    await expect(shapes).toHaveCount(1);
    await designer.dragFromPalette("Rectangle", { x: 160, y: 130 });
    await designer.dragFromPalette("Text", { x: 160, y: 280 });
    await expect(shapes).toHaveCount(3);
    await page.screenshot({ path: "test-results/notes-canvas.png" });
    for (const kind of ["Rectangle", "Text"]) {
      await designer.canvas.locator(`.react-flow__node-annotation[aria-label^="${kind}:"]`).click({ position: { x: 6, y: 6 } });
      await page.keyboard.press("Delete");
    }
    await expect(shapes).toHaveCount(1);

    await designer.waitForSaved();
    await page.reload();
    await expect(designer.canvas.locator(".react-flow__node-annotation")).toContainText(NOTE_TEXT);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export starter repository" }).click();
    const zip = unzipSync(new Uint8Array(await readFile(await (await downloading).path())));
    const doc = Object.entries(zip).find(([path]) => path.endsWith("/docs/architecture.md"));
    expect(doc, "docs/architecture.md in the zip").toBeDefined();
    const text = strFromU8(doc![1]);
    expect(text).toContain("## Notes");
    expect(text).toContain(`| ${NOTE_TEXT} | Note |`);
  });

  test("Outputs opens at full width with a file tree, a search with match counts and a zoomable diagram", async ({ page, request }) => {
    await openExportDesign(page, request);
    await page.getByRole("tab", { name: "Outputs" }).click();
    const outputs = page.getByRole("region", { name: "Generated outputs" });
    await expect(outputs.getByTestId("mermaid-diagram").locator("svg")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: "test-results/outputs-narrow.png" });

    const side = page.getByRole("tabpanel", { name: "Outputs" });
    const narrow = (await side.boundingBox())!.width;
    const zoom = outputs.getByTestId("mermaid-zoom");
    const percent = async () => Number.parseInt((await zoom.textContent()) ?? "0", 10);
    const fittedNarrow = await percent();
    await page.getByRole("button", { name: "Full width" }).click();
    await expect(page.getByRole("button", { name: "Back to the side" })).toHaveAttribute("aria-pressed", "true");
    const wide = (await side.boundingBox())!.width;
    expect(wide).toBeGreaterThan(1200);
    expect(wide).toBeGreaterThan(narrow * 3);
    // A diagram nobody has zoomed yet is fitted again to the room it now has.
    await expect.poll(percent).toBeGreaterThan(fittedNarrow);
    await page.screenshot({ path: "test-results/outputs-mermaid-wide.png" });

    // The diagram zooms with the buttons and the wheel, and Fit brings it back.
    const fitted = await zoom.textContent();
    await outputs.getByRole("button", { name: "Zoom in" }).click();
    await outputs.getByRole("button", { name: "Zoom in" }).click();
    await expect(zoom).not.toHaveText(fitted ?? "");
    const zoomedIn = await percent();
    expect(zoomedIn).toBeGreaterThan(Number.parseInt(fitted ?? "0", 10));
    const frame = outputs.getByTestId("mermaid-diagram");
    const frameBox = (await frame.boundingBox())!;
    await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2);
    await page.mouse.wheel(0, 400);
    await expect.poll(percent).toBeLessThan(zoomedIn);
    const content = frame.locator("svg");
    const before = (await content.boundingBox())!;
    await page.mouse.down();
    await page.mouse.move(frameBox.x + frameBox.width / 2 + 120, frameBox.y + frameBox.height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    const after = (await content.boundingBox())!;
    expect(Math.round(after.x - before.x)).toBe(120);
    await page.screenshot({ path: "test-results/outputs-mermaid-zoomed.png" });
    await outputs.getByRole("button", { name: "Fit diagram" }).click();
    await expect(zoom).toHaveText(fitted ?? "");

    // TypeScript services come as folders: they close and open, and their files open in the viewer.
    await outputs.getByRole("button", { name: "TypeScript services" }).click();
    const folder = outputs.locator("button[aria-expanded]").first();
    await expect(folder).toBeVisible({ timeout: 30_000 });
    const indexFiles = outputs.getByRole("button", { name: "index.ts" });
    const before_ = await indexFiles.count();
    await folder.click();
    await expect(folder).toHaveAttribute("aria-expanded", "false");
    await expect.poll(() => indexFiles.count()).toBeLessThan(before_);
    await folder.click();
    await expect(folder).toHaveAttribute("aria-expanded", "true");
    await outputs.getByRole("button", { name: "package.json" }).first().click();
    await expect(outputs.getByTestId("output-code")).toContainText('"name"');

    // Search shows only the files that match, with their counts, and the matching lines of the open file.
    await outputs.getByRole("searchbox", { name: "Search files" }).fill("inventory");
    const summary = outputs.getByTestId("search-summary");
    await expect(summary).toContainText(/\d+ files?, [1-9][\d,]* match/);
    const counted = outputs.locator("button[data-path]").filter({ has: page.getByLabel(/^\d+ match(es)?$/) });
    await expect(counted.first()).toBeVisible();
    const firstMatch = counted.first();
    await firstMatch.click();
    await expect(outputs.getByTestId("match-lines")).toContainText(/inventory/i);
    // A matching line, clicked, is scrolled into the code view.
    const lastLine = outputs.getByTestId("match-lines").getByRole("button").last();
    const lineNumber = Number.parseInt((await lastLine.locator("span").textContent()) ?? "0", 10);
    await lastLine.click();
    const lineTop = await outputs.getByTestId("output-code").evaluate((view, line) => {
      const lineHeight = view.scrollHeight === view.clientHeight ? 0 : (view.scrollHeight - 20) / (view.textContent ?? "").split("\n").length;
      return { top: 10 + (line - 1) * lineHeight - view.scrollTop, height: view.clientHeight };
    }, lineNumber);
    expect(lineTop.top).toBeGreaterThanOrEqual(0);
    expect(lineTop.top).toBeLessThan(lineTop.height);
    await page.screenshot({ path: "test-results/outputs-search-wide.png" });

    await outputs.getByRole("searchbox", { name: "Search files" }).fill("no-such-word-anywhere");
    await expect(summary).toContainText("0 files, 0 matches");
    await expect(outputs.getByText("No file matches.")).toBeVisible();

    await page.getByRole("button", { name: "Back to the side" }).click();
    await expect.poll(async () => (await side.boundingBox())!.width).toBeLessThan(600);
  });

  test("the side panel is widened by its handle and keeps its width after a reload", async ({ page, request }) => {
    await openExportDesign(page, request);
    const handle = page.getByRole("separator", { name: "Side panel width" });
    const start = Number(await handle.getAttribute("aria-valuenow"));
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 260, box.y + 200, { steps: 6 });
    await page.mouse.up();
    await expect(handle).toHaveAttribute("aria-valuenow", String(start + 260));
    await page.reload();
    await expect(page.getByRole("separator", { name: "Side panel width" })).toHaveAttribute("aria-valuenow", String(start + 260));
  });
});
