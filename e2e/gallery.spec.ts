import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const GATEWAY = "API Gateway (shared HTTP API)";
const SERVICES: { alb: string; service: string; route: string }[] = [
  { alb: "API1 ALB (internal :80)", service: "API1 (nginx:alpine :80)", route: "/api1/{proxy+}" },
  { alb: "Auth ALB (internal :80)", service: "Auth (auth-app :3000)", route: "/auth/{proxy+}" },
  { alb: "Profile ALB (internal :80)", service: "Profile (profile-app :3001)", route: "/profile/{proxy+}" },
  { alb: "Messenger ALB (internal :80)", service: "Messenger (messenger-app :3002)", route: "/messenger/{proxy+}" },
  { alb: "Finance ALB (internal :80)", service: "Finance (finance-app :8080)", route: "/finance/{proxy+}" },
  { alb: "Share ALB (internal :80)", service: "Share (share-app :3004)", route: "/share/{proxy+}" },
];

test.describe("template gallery", () => {
  test("New design offers a blank canvas and every template with its thumbnail, source and open findings", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    const choices = dialog.getByRole("radiogroup", { name: "Start from" }).getByRole("radio");
    await expect(choices).toHaveCount(11);
    await expect(dialog.getByRole("radio", { name: "Blank canvas" })).toHaveAttribute("aria-checked", "true");

    // Arrow keys move the choice like any radio group; the name follows the template.
    await dialog.getByRole("radio", { name: "Blank canvas" }).focus();
    await page.keyboard.press("ArrowRight");
    const firstTemplate = dialog.getByRole("radio", { name: /Complete HTTPS request journey/ });
    await expect(firstTemplate).toHaveAttribute("aria-checked", "true");
    await expect(firstTemplate).toBeFocused();
    await expect(dialog.getByLabel("Name")).toHaveValue("Complete HTTPS request journey");
    await page.keyboard.press("ArrowLeft");
    await expect(dialog.getByRole("radio", { name: "Blank canvas" })).toBeFocused();

    await dialog.getByRole("button", { name: "Reference architectures" }).click();
    await expect(choices).toHaveCount(6);
    for (const seed of ["000", "001", "002", "003", "004"]) await expect(dialog.getByRole("radio", { name: new RegExp(`Seed ${seed}$`) })).toHaveCount(1);
    await dialog.getByRole("button", { name: "Classics" }).click();
    await expect(choices).toHaveCount(6);
    await expect(dialog.getByRole("radio", { name: /URL shortener/ })).toBeVisible();

    await dialog.getByRole("button", { name: "All" }).click();
    await dialog.getByRole("radio", { name: /Full-stack application on EKS/ }).click();
    const detail = dialog.getByRole("form", { name: "Selected start" });
    await expect(detail.getByRole("heading", { name: "Full-stack application on EKS" })).toBeVisible();
    await expect(detail).toContainText("Source:");
    await expect(detail.getByRole("list", { name: "Findings the source leaves open" }).getByRole("listitem").first()).toBeVisible();
    const preview = detail.getByRole("img", { name: "Schematic of Full-stack application on EKS" });
    await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await expect(detail.getByLabel("Name")).toHaveValue("Full-stack application on EKS");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("creating a design from the 004 template shows the gateway routing to its six services", async ({ page }) => {
    const name = `Shared HTTP API ${randomUUID().slice(0, 8)}`;
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByRole("radio", { name: /API Gateway with a VPC link to six ECS services/ }).click();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);

    const designer = new DesignerPage(page);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(designer.node(GATEWAY)).toBeVisible();
    for (const { alb, service, route } of SERVICES) {
      await expect(designer.node(service)).toBeAttached();
      await expect(designer.edge(GATEWAY, alb)).toHaveAttribute("aria-label", new RegExp(route.replace(/[{}+/]/g, "\\$&")));
      await expect(designer.edge(alb, service)).toHaveCount(1);
    }

    await page.goto("/");
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});
