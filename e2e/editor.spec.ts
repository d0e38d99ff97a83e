import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const uniqueName = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/** Where each card is dropped, from the canvas's top-left corner: the request path reads left to right. */
const LAYOUT: [label: string, position: { x: number; y: number }][] = [
  ["CDN", { x: 120, y: 90 }],
  ["WAF", { x: 380, y: 90 }],
  ["Load balancer", { x: 640, y: 90 }],
  ["API gateway", { x: 120, y: 300 }],
  ["Service", { x: 380, y: 300 }],
  ["Cache", { x: 640, y: 240 }],
  ["Database", { x: 640, y: 400 }],
];

const CHAIN: [from: string, to: string, label: string][] = [
  ["CDN", "WAF", "HTTP · 60 s"],
  ["WAF", "Load balancer", "HTTP · 55 s"],
  ["Load balancer", "API gateway", "HTTP · 50 s"],
  ["API gateway", "Service", "HTTP · 45 s"],
  ["Service", "Cache", "TCP · 40 s"],
  ["Service", "Database", "TCP · 40 s"],
];

test.describe("editor", () => {
  test("builds a request chain from the palette, edits it, and finds all of it after a reload", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Storefront"));

    for (const [label, position] of LAYOUT) {
      await designer.dragFromPalette(label, position);
      await expect(designer.node(label)).toBeVisible();
    }
    for (const [from, to] of CHAIN) await designer.connect(from, to);
    await expect(designer.edges()).toHaveCount(CHAIN.length);
    for (const [from, to, label] of CHAIN) await expect(designer.edge(from, to)).toHaveAttribute("aria-label", `Connection from ${from} to ${to}: ${label}`);

    await designer.selectNode("Load balancer");
    await expect(designer.field("Interval (s)", "Health check")).toHaveValue("30");
    await expect(designer.inspector.getByText("Seconds between probes: 30 s (003 ALB → Health Checks: Interval).")).toBeVisible();
    await designer.fillField("Interval (s)", "15", "Health check");
    await designer.fillField("Name", "Public ALB");
    await expect(designer.node("Public ALB")).toBeVisible();

    await designer.waitForSaved();
    await page.reload();

    for (const [label] of LAYOUT.filter(([label]) => label !== "Load balancer")) await expect(designer.node(label)).toBeVisible();
    await expect(designer.node("Public ALB")).toBeVisible();
    await expect(designer.edges()).toHaveCount(CHAIN.length);
    await expect(designer.edge("Public ALB", "API gateway")).toHaveAttribute("aria-label", "Connection from Public ALB to API gateway: HTTP · 50 s");
    await designer.selectNode("Public ALB");
    await expect(designer.field("Interval (s)", "Health check")).toHaveValue("15");
  });

  test("undo and redo: a typed value is one step, an added card is one step", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Undo"));
    await designer.dragFromPalette("Database", { x: 300, y: 200 });
    await designer.selectNode("Database");
    await designer.fillField("Backup retention (days)", "14");
    await designer.field("Backup retention (days)").fill("140");
    await expect(designer.inspector.getByText("Too big: expected number to be <=35")).toBeVisible();
    await designer.field("Backup retention (days)").fill("21");
    await designer.field("Backup retention (days)").blur();

    await page.keyboard.press("ControlOrMeta+z");
    await expect(designer.field("Backup retention (days)")).toHaveValue("14");
    await page.keyboard.press("ControlOrMeta+z");
    await expect(designer.field("Backup retention (days)")).toHaveValue("7");
    await page.keyboard.press("Shift+ControlOrMeta+z");
    await expect(designer.field("Backup retention (days)")).toHaveValue("14");

    await designer.dragFromPalette("Queue", { x: 300, y: 360 });
    await expect(designer.node("Queue")).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(designer.node("Queue")).toHaveCount(0);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(designer.node("Queue")).toBeVisible();
    await page.keyboard.press("ControlOrMeta+y");
    await expect(designer.node("Queue")).toBeVisible();
  });

  test("a connection that makes no sense is refused with the reason", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Refused"));
    await designer.dragFromPalette("Client", { x: 150, y: 200 });
    await designer.dragFromPalette("Database", { x: 520, y: 200 });
    await designer.connect("Client", "Database");
    await expect(page.getByRole("alert").filter({ hasText: "Client cannot connect to Database" })).toContainText(
      "Database accepts connections only from Service, Worker.",
    );
    await expect(designer.edges()).toHaveCount(0);
  });

  test("Export JSON downloads the design file, and Outputs downloads a generated file", async ({ page }) => {
    const name = uniqueName("Downloads");
    const designer = await DesignerPage.createDesign(page, name);
    await designer.dragFromPalette("Service", { x: 200, y: 200 });
    await designer.waitForSaved();

    const [designFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    expect(designFile.suggestedFilename()).toMatch(/^downloads-[0-9a-f]{8}\.archway\.json$/);
    const exported = JSON.parse(await readFile(await designFile.path(), "utf8"));
    expect(exported).toMatchObject({ schemaVersion: 2, name, components: [{ kind: "service", name: "Service" }] });

    await page.getByRole("tab", { name: "Outputs" }).click();
    const outputs = page.getByRole("tabpanel", { name: "Outputs" });
    const [generated] = await Promise.all([page.waitForEvent("download"), outputs.getByRole("button", { name: "Download", exact: true }).click()]);
    expect(generated.suggestedFilename()).toBe("flowchart.mmd");
    expect(await readFile(await generated.path(), "utf8")).toMatch(/^flowchart /m);
  });

  test("palette buttons add on Enter; copy, paste and delete work from the keyboard", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Keyboard"));
    for (const label of ["Queue", "Worker"]) {
      await designer.palette.getByRole("button", { name: label, exact: true }).focus();
      await page.keyboard.press("Enter");
      await expect(designer.node(label)).toBeVisible();
    }
    await designer.selectNode("Queue");
    await designer.inspector.getByLabel("Connect to").selectOption({ label: "Worker" });
    await expect(designer.edge("Queue", "Worker")).toHaveCount(1);

    await designer.node("Queue").click();
    await designer.node("Worker").click({ modifiers: ["Shift"] });
    await expect(designer.inspector.getByRole("heading", { name: "2 items selected" })).toBeVisible();
    await page.keyboard.press("ControlOrMeta+c");
    await page.keyboard.press("ControlOrMeta+v");
    await expect(designer.node("Queue 2")).toBeVisible();
    await expect(designer.node("Worker 2")).toBeVisible();
    await expect(designer.edges()).toHaveCount(2);
    await expect(designer.edge("Queue 2", "Worker 2")).toHaveCount(1);

    await page.keyboard.press("Delete");
    await expect(designer.node("Queue 2")).toHaveCount(0);
    await expect(designer.edges()).toHaveCount(1);
  });

  test("zones hold components, nest by the rules, and survive auto-layout", async ({ page }) => {
    const designer = await DesignerPage.createDesign(page, uniqueName("Zones"));
    await designer.dragFromPalette("Private subnet", { x: 400, y: 300 });
    await expect(page.getByRole("alert").filter({ hasText: "A Private subnet must be placed inside a VPC or Availability zone" })).toBeVisible();

    await designer.dragFromPalette("VPC", { x: 430, y: 320 });
    await designer.dragFromPalette("Private subnet", { x: 430, y: 330 });
    await designer.dragFromPalette("Service", { x: 380, y: 330 });
    await designer.dragFromPalette("Database", { x: 470, y: 390 });
    await designer.connect("Service", "Database");

    await designer.zoneLabel("Private subnet").click();
    await expect(designer.inspector.getByText("Inside VPC")).toBeVisible();
    await expect(designer.inspector.getByText("2 components inside")).toBeVisible();

    await page.getByRole("button", { name: "Auto-layout" }).click();
    await page.keyboard.press("Escape");
    await designer.zoneLabel("Private subnet").click();
    await expect(designer.inspector.getByText("2 components inside")).toBeVisible();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(designer.inspector.getByText("2 components inside")).toBeVisible();
  });
});
