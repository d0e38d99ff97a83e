import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

/** A Compose project as a person keeps it: the compose file plus code and config the import should pass over. */
function composeProject(): string {
  const folder = mkdtempSync(join(tmpdir(), "archway-import-e2e-"));
  cpSync("tests/fixtures/import/compose-shop", join(folder, "shop"), { recursive: true });
  return join(folder, "shop");
}

test.describe("importing a system", () => {
  test("a folder with a compose file: read the preview, create the design, see findings and run a drill", async ({ page }) => {
    const folder = composeProject();
    try {
      await page.goto("/");
      await page.getByRole("button", { name: "Import a system" }).click();
      const dialog = page.getByRole("dialog", { name: "Import a system" });
      await dialog.getByLabel("Folder to import").setInputFiles(folder);

      await expect(dialog.getByRole("status")).toContainText("as docker-compose: 6 components, 6 connections, 0 zones");
      const components = dialog.getByRole("region", { name: "Components" });
      await expect(components.getByRole("row", { name: /api Service/ })).toBeVisible();
      await expect(components.getByRole("row", { name: /db Database/ })).toBeVisible();
      const unmapped = dialog.getByRole("region", { name: /Not mapped/ });
      await expect(unmapped).toContainText("docker-compose.yml:45");
      await expect(unmapped).toContainText("Compose volumes have no counterpart in a design");
      await page.screenshot({ path: "test-results/import-preview.png" });

      await dialog.getByLabel("Design name").fill("Imported shop");
      await dialog.getByRole("button", { name: "Create design" }).click();
      await page.waitForURL(/\/designs\/[^/]+$/);
      const designer = new DesignerPage(page);
      await expect(designer.node("db")).toBeVisible();

      await page.getByRole("tab", { name: "Findings" }).click();
      await expect(page.getByRole("tabpanel", { name: "Findings" }).getByRole("listitem").first()).toBeVisible();

      await page.getByRole("tab", { name: "Simulate" }).click();
      const panel = page.getByRole("tabpanel", { name: "Simulate" });
      await panel.getByRole("button", { name: "Simulate", exact: true }).click();
      await panel.getByLabel("Drill type").selectOption({ label: "Fail a component" });
      await panel.getByLabel("Drill target").selectOption({ label: "cache" });
      await panel.getByRole("button", { name: "Add drill" }).click();
      await expect(designer.node("cache").locator("[data-sim-status]")).toHaveAttribute("data-sim-status", "failed");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test("files dropped on an empty canvas import into that design, as one step that can be undone", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const gallery = page.getByRole("dialog", { name: "New design" });
    await gallery.getByLabel("Name").fill(`Dropped ${Date.now()}`);
    await gallery.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    await expect(page.getByText("drop Terraform, Kubernetes, docker-compose or Mermaid files here")).toBeVisible();

    const compose = readFileSync("tests/fixtures/import/compose-shop/docker-compose.yml", "utf8");
    await page.getByRole("application", { name: "Design canvas" }).or(page.locator(".react-flow").first()).first().evaluate((canvas, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "docker-compose.yml", { type: "text/yaml" }));
      for (const type of ["dragover", "drop"]) canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, compose);

    const dialog = page.getByRole("dialog", { name: "Import a system" });
    await expect(dialog.getByRole("status")).toContainText("as docker-compose: 6 components");
    await dialog.getByRole("button", { name: "Use in this design" }).click();
    const designer = new DesignerPage(page);
    await expect(designer.node("api")).toBeVisible();
    await page.keyboard.press("Control+z");
    await expect(designer.node("api")).toHaveCount(0);
  });

  test("files it cannot read are refused with the reason, and nothing is created", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Import a system" }).click();
    const dialog = page.getByRole("dialog", { name: "Import a system" });
    await dialog.getByLabel("Files to import").setInputFiles({ name: "notes.yaml", mimeType: "text/yaml", buffer: Buffer.from("just: text\n") });
    await expect(dialog.getByRole("alert")).toContainText("These files are not in a format Archway imports");
    await expect(dialog.getByRole("alert")).toContainText("notes.yaml");
  });
});
