import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

/** Names unique to one run, so tests sharing a database never see each other's designs. */
function uniqueName(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

function designRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

async function designNames(page: Page): Promise<string[]> {
  await expect(page.getByText("Loading designs…")).toHaveCount(0);
  return page.getByRole("rowheader").allTextContents();
}

async function chooseFile(page: Page, name: string, contents: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import JSON" }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(contents) });
}

async function createDesignFromList(page: Page, name: string) {
  await page.goto("/");
  await page.getByRole("button", { name: "New design" }).click();
  const dialog = page.getByRole("dialog", { name: "New design" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create design" }).click();
  await page.waitForURL(/\/designs\/[^/]+$/);
}

test.describe("designs page", () => {
  test("creates, renames, duplicates and deletes a design", async ({ page }) => {
    const name = uniqueName("Checkout");
    await createDesignFromList(page, name);

    await page.goto("/");
    await expect(designRow(page, name)).toBeVisible();
    await expect(designRow(page, name).getByRole("cell").first()).toHaveText("0");

    const renamed = uniqueName("Payments");
    await designRow(page, name).getByRole("button", { name: "Rename" }).click();
    const renameDialog = page.getByRole("dialog", { name: "Rename design" });
    await expect(renameDialog.getByLabel("Name")).toHaveValue(name);
    await renameDialog.getByLabel("Name").fill(renamed);
    await renameDialog.getByRole("button", { name: "Save name" }).click();
    await expect(designRow(page, renamed)).toBeVisible();
    await expect(designRow(page, name)).toHaveCount(0);

    await designRow(page, renamed).getByRole("button", { name: "Duplicate" }).click();
    const copy = `${renamed} (copy)`;
    await expect(designRow(page, copy)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Duplicated" })).toContainText(copy);

    await designRow(page, copy).getByRole("button", { name: "Delete" }).click();
    const deleteDialog = page.getByRole("dialog", { name: `Delete “${copy}”?` });
    await expect(deleteDialog).toContainText("cannot be undone");
    await deleteDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(designRow(page, copy)).toBeVisible();

    await designRow(page, copy).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: `Delete “${copy}”?` }).getByRole("button", { name: "Delete design" }).click();
    await expect(designRow(page, copy)).toHaveCount(0);
    await expect(designRow(page, renamed)).toBeVisible();

    await page.reload();
    await expect(designRow(page, renamed)).toBeVisible();
    await expect(designRow(page, copy)).toHaveCount(0);
  });

  test("opens a design from the list", async ({ page }) => {
    const name = uniqueName("Catalog");
    await createDesignFromList(page, name);
    const editorUrl = page.url();
    await page.goto("/");
    await designRow(page, name).getByRole("link", { name }).click();
    await page.waitForURL(editorUrl);
  });

  test("importing a malformed JSON file shows each failing path and changes nothing", async ({ page }) => {
    await page.goto("/");
    const before = await designNames(page);
    const writes: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/designs") && request.method() !== "GET") writes.push(`${request.method()} ${request.url()}`);
    });

    const malformed = JSON.stringify({ schemaVersion: 1, name: "", components: [{ id: "x", kind: "teleporter", name: "T", position: { x: 0, y: 0 } }] });
    await chooseFile(page, "broken.archway.json", malformed);
    const alert = page.getByRole("alert").filter({ hasText: "is not a valid Archway design" });
    await expect(alert).toContainText("“broken.archway.json” is not a valid Archway design.");
    await expect(alert).toContainText("Nothing was changed.");
    await expect(alert.locator("code", { hasText: /^name$/ })).toBeVisible();
    await expect(alert.locator("code", { hasText: /^components\.0\.kind$/ })).toBeVisible();

    await chooseFile(page, "notes.json", "{ this is not json");
    await expect(alert).toContainText("“notes.json” is not a valid Archway design.");
    await expect(alert).toContainText("Not valid JSON");
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await expect(alert).toHaveCount(0);

    expect(writes).toEqual([]);
    await page.reload();
    // Other spec files may add designs to the shared database meanwhile; none of these may be gone.
    expect(await designNames(page)).toEqual(expect.arrayContaining(before));
  });

  test("importing a valid file opens the imported design", async ({ page }) => {
    const name = uniqueName("Imported");
    const design = {
      schemaVersion: 1,
      name,
      components: [
        { id: "web", kind: "service", name: "Web", position: { x: 0, y: 0 } },
        { id: "db", kind: "database", name: "Orders DB", position: { x: 300, y: 0 } },
      ],
      connections: [{ id: "web-db", source: "web", target: "db", protocol: "tcp" }],
    };
    await page.goto("/");
    await chooseFile(page, "imported.archway.json", JSON.stringify(design));
    await page.waitForURL(/\/designs\/[^/]+$/);

    await page.goto("/");
    await expect(designRow(page, name)).toBeVisible();
    await expect(designRow(page, name).getByRole("cell").first()).toHaveText("2");
  });
});

function saveStatus(page: Page, text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

/** Runs `edit` and waits until the server confirmed a save that started after it. */
async function savedAfter(page: Page, edit: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.url().includes("/api/designs/") && response.request().method() === "PUT" && response.ok());
  await edit();
  await saved;
}

/** Adds a component with its palette button (Enter or click), as a keyboard user would without dragging. */
async function add(designer: DesignerPage, label: string) {
  await designer.palette.getByRole("button", { name: label, exact: true }).click();
}

test.describe("saving from the editor", () => {
  test("a draft survives a dead server and a lost tab, and is offered back on the next visit", async ({ page, context }) => {
    await createDesignFromList(page, uniqueName("Drafts"));
    const editorUrl = page.url();
    const designer = new DesignerPage(page);
    await savedAfter(page, () => add(designer, "Cache"));

    await page.route("**/api/designs/**", (route) => (route.request().method() === "PUT" ? route.abort("connectionrefused") : route.continue()));
    await add(designer, "Queue");
    await expect(designer.node("Queue")).toBeVisible();
    await expect(saveStatus(page, "Offline")).toBeVisible();

    // A crashed tab sends nothing more. (Closing or reloading would not do: Chromium sends the keepalive save
    // from the browser process, past page.route, and that save would reach the server.)
    await page.goto("chrome://crash").catch(() => undefined);

    const next = await context.newPage();
    const reopened = new DesignerPage(next);
    await next.goto(editorUrl);
    await expect(reopened.node("Cache")).toBeVisible();
    await expect(reopened.node("Queue")).toHaveCount(0);
    const banner = next.getByRole("region", { name: "Unsaved changes found" });
    await savedAfter(next, () => banner.getByRole("button", { name: /^Restore unsaved changes from / }).click());
    await expect(banner).toHaveCount(0);
    await expect(reopened.node("Queue")).toBeVisible();

    await next.reload();
    await expect(reopened.node("Queue")).toBeVisible();
    await expect(banner).toHaveCount(0);
  });

  test("a stale save is refused and the person keeps their work as a copy", async ({ page, context }) => {
    const name = uniqueName("Shared");
    await createDesignFromList(page, name);
    const editorUrl = page.url();
    const mine = new DesignerPage(page);
    const other = await context.newPage();
    const theirs = new DesignerPage(other);
    await other.goto(editorUrl);
    await expect(theirs.palette).toBeVisible();

    await savedAfter(page, () => add(mine, "Cache"));
    await add(theirs, "Database");
    const dialog = other.getByRole("dialog", { name: "Someone else saved this design" });
    await expect(dialog).toBeVisible();
    await expect(saveStatus(other, "Not saved")).toBeVisible();
    await dialog.getByRole("button", { name: "Keep mine as a copy" }).click();
    await other.waitForURL((url) => url.pathname.startsWith("/designs/") && url.href !== editorUrl);
    await expect(theirs.node("Database")).toBeVisible();
    await expect(theirs.node("Cache")).toHaveCount(0);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(`${name} (my copy)`);

    await page.reload();
    await expect(mine.node("Cache")).toBeVisible();
    await expect(mine.node("Database")).toHaveCount(0);
  });

  test("reloading theirs after a conflict shows the other save", async ({ page, context }) => {
    await createDesignFromList(page, uniqueName("Reload"));
    const editorUrl = page.url();
    const mine = new DesignerPage(page);
    const other = await context.newPage();
    const theirs = new DesignerPage(other);
    await other.goto(editorUrl);
    await expect(theirs.palette).toBeVisible();

    await savedAfter(page, () => add(mine, "Cache"));
    await add(theirs, "Database");
    await other.getByRole("dialog", { name: "Someone else saved this design" }).getByRole("button", { name: "Reload theirs" }).click();
    await expect(theirs.node("Cache")).toBeVisible();
    await expect(theirs.node("Database")).toHaveCount(0);
    await expect(saveStatus(other, "Saved")).toBeVisible();
  });

  test("a version named from the keyboard shows its name and keeps it", async ({ page }) => {
    await createDesignFromList(page, uniqueName("Named"));
    const designer = new DesignerPage(page);
    await savedAfter(page, () => add(designer, "Cache"));

    await page.getByRole("button", { name: "Versions" }).click();
    const panel = page.getByRole("dialog", { name: "Versions" });
    await expect(panel.getByRole("listitem", { name: /^Editing session/ })).toHaveCount(1);
    await expect(panel.getByRole("listitem", { name: /^Editing session/ })).toContainText("2 saves");
    await expect(panel.getByRole("listitem", { name: "Revision 2", exact: true })).toContainText("+1 component");
    await panel.getByRole("button", { name: "Show 1 earlier save" }).click();
    const first = panel.getByRole("listitem", { name: "Revision 1", exact: true });
    await expect(first).toContainText("First version");
    await first.getByRole("button", { name: "Name this version: revision 1" }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("textbox", { name: "Name of revision 1" })).toBeFocused();
    await page.keyboard.type("Empty start");
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("status")).toContainText("Revision 1 is named “Empty start”");
    await expect(first).toContainText("Empty start");
    await expect(first).toContainText("Revision 1 ·");
    await panel.getByRole("button", { name: "Close" }).click();

    await page.reload();
    await page.getByRole("button", { name: "Versions" }).click();
    await expect(page.getByRole("dialog", { name: "Versions" }).getByRole("listitem", { name: "Revision 1", exact: true })).toContainText("Empty start");
  });

  test("every save keeps a version, grouped into a session with what each changed, and restoring one brings it back", async ({ page }) => {
    await createDesignFromList(page, uniqueName("Versions"));
    const designer = new DesignerPage(page);
    await savedAfter(page, () => add(designer, "Cache"));
    await savedAfter(page, () => add(designer, "Queue"));

    await page.getByRole("button", { name: "Versions" }).click();
    const panel = page.getByRole("dialog", { name: "Versions" });
    const session = panel.getByRole("listitem", { name: /^Editing session/ });
    await expect(session).toContainText("3 saves · in all: +2 components");
    await panel.getByRole("button", { name: "Show 2 earlier saves" }).click();
    const revision = (number: number) => panel.getByRole("listitem", { name: `Revision ${number}`, exact: true });
    await expect(revision(3)).toContainText("Current");
    await expect(revision(3)).toContainText("+1 component");
    await expect(revision(2)).toContainText("1 component");
    await revision(2).getByRole("button", { name: "Compare revision 2 with the current one" }).click();
    const changes = panel.getByRole("region", { name: "Changes from revision 2 to revision 3" });
    await expect(changes).toContainText("Components: 1 added, 0 removed, 0 changed");
    await expect(changes).toContainText("Added Queue (queue)");
    await changes.getByRole("button", { name: "Hide" }).click();
    await revision(2).getByRole("button", { name: "Restore revision 2" }).click();
    await expect(panel.getByRole("status")).toContainText("Restored revision");
    await expect(revision(4)).toContainText("Current");
    await expect(revision(4)).toContainText("−1 component");
    await panel.getByRole("button", { name: "Close" }).click();

    await expect(designer.node("Queue")).toHaveCount(0);
    await expect(designer.node("Cache")).toBeVisible();
    await page.reload();
    await expect(designer.node("Cache")).toBeVisible();
    await expect(designer.node("Queue")).toHaveCount(0);
  });

});
