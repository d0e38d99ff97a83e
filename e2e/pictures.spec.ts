import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { zoneIndex, zoneOrigin } from "../lib/designer/geometry";
import { connectionLabel } from "../lib/designer/labels";
import { projectSlug } from "../lib/generators/naming";
import { displayText } from "../lib/generators/picture/svg";
import { parseDesign } from "../lib/model";
import { colourDistance, darkPixels, decodePng } from "../tests/helpers/png";
import { descendants, parseSvg, textContent } from "../tests/generators/support/svg-tree";

const SCREENSHOTS = process.env.PICTURE_SCREENSHOTS ?? "test-results/pictures";

test.describe("pictures of the design", () => {
  test("Download SVG and Download PNG of a template hold every name, line and label, cropped, PNG at 2x", async ({ page }) => {
    const name = `Pictures ${randomUUID().slice(0, 8)}`;
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByRole("radio", { name: /Full-stack application on EKS/ }).click();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    await expect(page.locator(".react-flow__node-component").first()).toBeVisible();
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const stored = (await (await page.request.get(`/api/designs/${id}`)).json()) as { document: unknown };
    const parsed = parseDesign(stored.document);
    if (!parsed.success) throw new Error("the stored design does not parse");
    const design = parsed.design;
    expect(design.components.length).toBeGreaterThan(10);

    await page.getByRole("tab", { name: "Outputs" }).click();
    const panel = page.getByRole("tabpanel", { name: "Outputs" });

    const [svgDownload] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download SVG" }).click()]);
    expect(svgDownload.suggestedFilename()).toBe(`${projectSlug(name)}.svg`);
    const svg = await readFile((await svgDownload.path())!, "utf8");
    const root = parseSvg(svg);
    const nodes = [...descendants(root)];
    expect(nodes.some((node) => node.tag === "foreignObject")).toBe(false);
    const cards = new Map(nodes.filter((node) => node.attributes["data-component"]).map((node) => [node.attributes["data-component"], node]));
    for (const component of design.components) {
      const card = cards.get(component.id);
      expect(card, component.name).toBeDefined();
      expect(textContent(card!)).toContain(displayText(component.name));
    }
    const lines = new Map(nodes.filter((node) => node.attributes["data-connection"]).map((node) => [node.attributes["data-connection"], node]));
    const labels = new Map(nodes.filter((node) => node.attributes["data-edge-label"]).map((node) => [node.attributes["data-edge-label"], node]));
    for (const connection of design.connections) {
      expect(lines.get(connection.id)?.tag, connection.id).toBe("path");
      expect(textContent(labels.get(connection.id)!)).toBe(displayText(connectionLabel(connection)));
    }
    const [x, y, width, height] = root.attributes.viewBox.split(" ").map(Number);
    expect([Number(root.attributes.width), Number(root.attributes.height)]).toEqual([width, height]);

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download PNG" }).click()]);
    expect(pngDownload.suggestedFilename()).toBe(`${projectSlug(name)}.png`);
    const pngBytes = await readFile((await pngDownload.path())!);
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(`${SCREENSHOTS}/eks-template.png`, pngBytes);
    const image = decodePng(pngBytes);
    expect([image.width, image.height]).toEqual([2 * width, 2 * height]);
    // Outside the drawing there is only the white margin; on every card, its border and its name in dark text.
    expect(colourDistance(image.pixel(4, 4), "#ffffff")).toBeLessThan(3);
    const zones = zoneIndex(design);
    for (const component of design.components) {
      const origin = zoneOrigin(zones, component.zoneId);
      const left = origin.x + component.position.x - x;
      const top = origin.y + component.position.y - y;
      expect(colourDistance(image.pixel(2 * (left + 0.5), 2 * (top + 28)), "#d5dae2"), `border of ${component.name}`).toBeLessThan(40);
      expect(darkPixels(image, 2 * (left + 54), 2 * (top + 8), 2 * 110, 2 * 40), `name of ${component.name}`).toBeGreaterThan(100);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/eks-canvas.png` });
  });

  test("an empty canvas says there is nothing to draw", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByLabel("Name").fill(`Empty ${randomUUID().slice(0, 8)}`);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    await page.getByRole("tab", { name: "Outputs" }).click();
    const panel = page.getByRole("tabpanel", { name: "Outputs" });
    await panel.getByRole("button", { name: "Download SVG" }).click();
    await expect(panel.getByRole("alert")).toHaveText("There is nothing on the canvas to export yet.");
  });
});
