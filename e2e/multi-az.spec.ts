import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const SINGLE_ZONE = "Service runs only in the availability zone Availability zone, so losing one zone stops it.";

test.describe("a service in the private subnets of two availability zones", () => {
  test("drawn through the UI: the multi-AZ finding goes, the zone drill survives and Terraform lists both subnets", async ({ page }, testInfo) => {
    const designer = await DesignerPage.createDesign(page, `Multi-AZ ${randomUUID().slice(0, 8)}`);
    // Two 400 px zones side by side need room: zoom out twice before drawing.
    const zoomOut = designer.canvas.getByRole("button", { name: "Zoom Out" });
    await zoomOut.click();
    await zoomOut.click();

    await designer.dragFromPalette("Availability zone", { x: 200, y: 260 });
    await designer.dragFromPalette("Availability zone", { x: 540, y: 260 });
    await designer.dragFromPalette("Private subnet", { x: 200, y: 280 });
    await designer.dragFromPalette("Private subnet", { x: 540, y: 280 });
    await designer.dragFromPalette("Service", { x: 170, y: 280 });
    await expect(designer.zoneLabel("Private subnet 2")).toBeVisible();
    await designer.zoneLabel("Private subnet").click();
    await expect(designer.inspector.getByText("Inside Availability zone", { exact: true })).toBeVisible();
    await expect(designer.inspector.getByText("1 component inside")).toBeVisible();

    await page.getByRole("tab", { name: "Findings" }).click();
    const findings = page.getByRole("tabpanel", { name: "Findings" });
    await expect(findings.getByText(SINGLE_ZONE)).toBeVisible();

    await page.getByRole("tab", { name: "Inspector" }).click();
    await designer.selectNode("Service");
    await designer.inspector.getByLabel("Also runs in").selectOption({ label: "Private subnet 2, private subnet in Availability zone 2" });
    const echo = designer.canvas.getByRole("group", { name: "Service, also running in Private subnet 2" });
    await expect(echo).toBeVisible();
    await expect(designer.inspector.getByRole("button", { name: "Stop running in Private subnet 2, private subnet in Availability zone 2" })).toBeVisible();
    await designer.waitForSaved();

    await page.getByRole("tab", { name: "Findings" }).click();
    await expect(findings.getByText(SINGLE_ZONE)).toHaveCount(0);

    await page.getByRole("tab", { name: "Simulate" }).click();
    const simulation = page.getByRole("tabpanel", { name: "Simulate" });
    await simulation.getByRole("button", { name: "Simulate", exact: true }).click();
    await simulation.getByLabel("Drill type").selectOption({ label: "Fail an availability zone" });
    await simulation.getByLabel("Drill target").selectOption({ label: "Availability zone" });
    await simulation.getByRole("button", { name: "Add drill" }).click();
    await expect(simulation.getByRole("region", { name: "What happens" })).toContainText(
      "Service survives Availability zone: its instances are spread across zones and autoscaling replaces the lost ones in the others.",
    );

    await page.getByRole("tab", { name: "Outputs" }).click();
    const outputs = page.getByRole("tabpanel", { name: "Outputs" });
    await outputs.getByRole("button", { name: "Terraform (AWS)" }).click();
    await outputs.getByRole("button", { name: "variables.tf" }).click();
    const code = outputs.getByTestId("output-code");
    await expect(code).toContainText('variable "private_subnet_names"');
    await expect(code).toContainText('["Private subnet", "Private subnet 2"]');
    await expect(code).toContainText('["us-east-1a", "us-east-1b"]');
    await outputs.getByRole("button", { name: "compute.tf" }).click();
    await expect(code).toContainText("subnets          = [aws_subnet.private[0].id, aws_subnet.private[1].id]");

    await page.getByRole("tab", { name: "Inspector" }).click();
    await page.screenshot({ path: testInfo.outputPath("multi-az.png") });
    await designer.inspector.getByRole("region", { name: "Placement" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("multi-az-inspector.png") });
  });
});
