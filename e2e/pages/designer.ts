import { expect, type Locator, type Page } from "@playwright/test";

/** The design editor, driven the way a person uses it: palette, canvas handles, inspector fields. */
export class DesignerPage {
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly pane: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole("complementary", { name: "Palette" });
    this.canvas = page.getByRole("main", { name: "Canvas" });
    this.pane = this.canvas.locator(".react-flow__pane");
    this.inspector = page.getByRole("tabpanel", { name: "Inspector" });
  }

  /** The card of the component named `name` on the canvas (a node's accessible name is the component's name). */
  node(name: string): Locator {
    return this.canvas.getByRole("group", { name, exact: true }).and(this.canvas.locator(".react-flow__node-component"));
  }

  /** The zone named `name` on the canvas, grabbed by its label. */
  zoneLabel(name: string): Locator {
    return this.canvas.locator(".react-flow__node-zone").filter({ has: this.page.getByText(name, { exact: true }) }).getByText(name, { exact: true });
  }

  /** The edge from the component named `from` to the one named `to`; its name ends with its label ("HTTP · 55 s"). */
  edge(from: string, to: string): Locator {
    return this.canvas.locator(`.react-flow__edge[aria-label^="Connection from ${from} to ${to}:"]`);
  }

  edges(): Locator {
    return this.canvas.locator(".react-flow__edge");
  }

  /** Drags the palette item named `label` onto the canvas, `position` measured from the canvas's top-left corner. */
  async dragFromPalette(label: string, position: { x: number; y: number }) {
    await this.palette.getByRole("button", { name: label, exact: true }).dragTo(this.pane, { targetPosition: position });
  }

  /** Draws a connection from the right-hand handle of `from` to the card `to`. */
  async connect(from: string, to: string) {
    const source = this.node(from);
    await source.hover();
    const handle = await source.locator(".react-flow__handle-right").boundingBox();
    const target = await this.node(to).boundingBox();
    if (!handle || !target) throw new Error(`Cannot connect ${from} to ${to}: not on screen`);
    await this.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  async selectNode(name: string) {
    await this.node(name).click();
    await expect(this.inspector.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(name);
  }

  /** A field of the inspector, inside the fieldset (legend) `group` when given. */
  field(label: string, group?: string): Locator {
    const scope = group ? this.inspector.getByRole("group", { name: group }) : this.inspector;
    return scope.getByLabel(label, { exact: true });
  }

  /** Types into an inspector field and leaves it, so the edit is committed and its undo step closed. */
  async fillField(label: string, value: string, group?: string) {
    const field = this.field(label, group);
    await field.fill(value);
    await field.blur();
  }

  /** Waits until every edit so far is on the server (an edit flips the status away from "Saved" at once). */
  async waitForSaved() {
    await expect(this.page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  }

  /** Creates a blank design from the designs page and opens it in the editor. */
  static async createDesign(page: Page, name: string): Promise<DesignerPage> {
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    const designer = new DesignerPage(page);
    await expect(designer.palette).toBeVisible();
    return designer;
  }
}
