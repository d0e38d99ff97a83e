import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { DesignerPage } from "./pages/designer";

test.describe("names reach the code", () => {
  test("renaming a service in the Inspector renames its folder, objects and zip paths", async ({ page }) => {
    const designName = `Names ${randomUUID().slice(0, 8)}`;
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByRole("radio", { name: /Event-driven order pipeline/ }).click();
    await dialog.getByLabel("Name").fill(designName);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);

    const designer = new DesignerPage(page);
    await designer.selectNode("Order service");
    await designer.fillField("Name", "Orders API");
    await expect(designer.node("Orders API")).toBeAttached();
    await designer.waitForSaved();

    await page.getByRole("tab", { name: "Outputs" }).click();
    const outputs = page.getByRole("tabpanel", { name: "Outputs" });
    const files = outputs.getByRole("list", { name: "Files" });
    await outputs.getByRole("button", { name: "TypeScript services" }).click();
    // The file tree names each file button by its file name; data-path holds the whole path.
    const packageFile = files.locator('button[data-path="services/orders-api/package.json"]');
    await expect(packageFile).toBeVisible({ timeout: 30_000 });
    await expect(files.locator('button[data-path*="order-service"]')).toHaveCount(0);
    await packageFile.click();
    await expect(outputs.getByTestId("output-code")).toContainText('"name": "@services/orders-api"');
    await page.screenshot({ path: "test-results/names-reach-code-outputs.png" });

    await outputs.getByRole("button", { name: "Kubernetes manifests" }).click();
    const deployment = files.locator('button[data-path$="components/orders-api/deployment.yaml"]');
    await expect(deployment).toBeVisible({ timeout: 30_000 });
    await deployment.click();
    await expect(outputs.getByTestId("output-code")).toContainText("app.kubernetes.io/name: orders-api");

    const button = page.getByRole("button", { name: "Export starter repository" });
    const downloading = page.waitForEvent("download");
    await button.click();
    const download = await downloading;
    const paths = Object.keys(unzipSync(new Uint8Array(await readFile(await download.path())))).sort();
    const folder = `${designName.toLowerCase().replace(/ /g, "-")}/`;
    expect(paths).toContain(`${folder}services/orders-api/package.json`);
    expect(paths.some((path) => /\/components\/orders-api\/deployment\.yaml$/.test(path))).toBe(true);
    expect(paths.filter((path) => path.includes("order-service"))).toEqual([]);
  });
});
