import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const uniqueName = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
const WAF_FINDING = "Internet traffic passes a WAF before the load balancer or gateway";
const TIMEOUT_FINDING = "Each hop times out before its caller";

async function drawChain(designer: DesignerPage, labels: string[]) {
  for (const [index, label] of labels.entries()) {
    await designer.dragFromPalette(label, { x: 100 + index * 230, y: 160 });
    await expect(designer.node(label)).toBeVisible();
  }
  for (let index = 1; index < labels.length; index += 1) await designer.connect(labels[index - 1], labels[index]);
  await expect(designer.edges()).toHaveCount(labels.length - 1);
}

test.describe("findings", () => {
  test("a public load balancer without a WAF is flagged, and Fix inserts one", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("No WAF"));
    await drawChain(designer, ["Client", "Load balancer", "Service", "Database"]);

    await page.getByRole("tab", { name: "Findings" }).click();
    const panel = page.getByRole("tabpanel", { name: "Findings" });
    const finding = panel.locator("li", { has: page.getByRole("button", { name: WAF_FINDING }) });
    await expect(finding).toBeVisible();
    await expect(finding).toContainText("Load balancer");
    await expect(finding).toContainText('seed 002, "Defense in Depth"');
    await expect(designer.node("Load balancer").locator("[data-severity='error']")).toBeVisible();

    await finding.getByRole("button", { name: "Fix" }).click();
    await expect(designer.node("WAF")).toBeVisible();
    await expect(designer.edge("Client", "WAF")).toHaveCount(1);
    await expect(designer.edge("WAF", "Load balancer")).toHaveCount(1);
    await expect(panel.getByRole("button", { name: WAF_FINDING })).toHaveCount(0);

    await page.keyboard.press("Control+z");
    await expect(designer.node("WAF")).toHaveCount(0);
    await expect(panel.getByRole("button", { name: WAF_FINDING })).toBeVisible();
  });

  test("a gateway that gives up before its service is flagged", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Timeouts"));
    await drawChain(designer, ["Client", "API gateway", "Service", "Database"]);
    await page.getByRole("tab", { name: "Findings" }).click();
    const panel = page.getByRole("tabpanel", { name: "Findings" });
    await expect(panel.getByRole("button", { name: TIMEOUT_FINDING })).toHaveCount(0);

    await page.getByRole("tab", { name: "Inspector" }).click();
    // The label sits where it covers no card, so it is the part of a routed edge a person can always click.
    await designer.edge("API gateway", "Service").locator('[data-edge-label="true"]').click();
    await designer.fillField("Timeout (s)", "10");
    await expect(designer.edge("API gateway", "Service")).toHaveAttribute("aria-label", "Connection from API gateway to Service: HTTP · 10 s");

    await page.getByRole("tab", { name: "Findings" }).click();
    const finding = panel.locator("li", { has: page.getByRole("button", { name: TIMEOUT_FINDING }) });
    await expect(finding).toBeVisible();
    await expect(finding).toContainText("10 s");
    await expect(finding).toContainText('seed 002, "Timeout Configuration"');
  });

  test("outputs render the Mermaid diagram, show Terraform and export pictures of the canvas", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Outputs"));
    await drawChain(designer, ["Load balancer", "Service", "Database"]);
    await page.getByRole("tab", { name: "Outputs" }).click();
    const panel = page.getByRole("tabpanel", { name: "Outputs" });
    await expect(panel.getByTestId("mermaid-diagram").locator("svg")).toBeVisible({ timeout: 30_000 });

    await panel.getByRole("button", { name: "Terraform (AWS)" }).click();
    await panel.getByRole("button", { name: "data.tf" }).click();
    await expect(panel.getByTestId("output-code")).toContainText('resource "aws_db_instance"');
    await expect(panel.getByTestId("output-code")).toContainText("multi_az");

    const [png] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download PNG" }).click()]);
    expect(png.suggestedFilename()).toMatch(/^outputs-[0-9a-f]{8}\.png$/);
    const pngBytes = await readFile((await png.path())!);
    expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const [svg] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download SVG" }).click()]);
    const svgText = await readFile((await svg.path())!, "utf8");
    expect(svgText).toContain("<svg");
    expect(svgText).toContain("Database");
  });
});
