import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

const REDIS = "Redis cluster (master-replica, Sentinel)";
const DATABASE = "PostgreSQL primary (read replicas 1..N)";

test.describe("traffic and failure simulation", () => {
  test("the 002 design under load: failing the cache turns the database red, with the explanation", async ({ page }) => {
    const name = `Simulated system ${randomUUID().slice(0, 8)}`;
    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const dialog = page.getByRole("dialog", { name: "New design" });
    await dialog.getByRole("radio", { name: /Large-scale distributed system/ }).click();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create design" }).click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    const designer = new DesignerPage(page);
    await expect(designer.node(DATABASE)).toBeVisible();

    await page.getByRole("tab", { name: "Simulate" }).click();
    const panel = page.getByRole("tabpanel", { name: "Simulate" });
    // 6,300 + 100 + 100 requests/s: the database is busy but holds while Redis answers 85 % of the reads.
    await panel.getByLabel("Requests per second at Web browser").fill("6300");
    await panel.getByRole("button", { name: "Simulate", exact: true }).click();

    const databaseCard = designer.node(DATABASE).locator("[data-sim-status]");
    await expect(databaseCard).toHaveAttribute("data-sim-status", "busy");
    await expect(panel.getByTestId("bottleneck")).toContainText(DATABASE);
    await expect(panel.getByRole("region", { name: "Request paths" }).getByRole("listitem").first()).toContainText("p95");

    await panel.getByLabel("Drill type").selectOption({ label: "Fail a component" });
    await panel.getByLabel("Drill target").selectOption({ label: REDIS });
    await panel.getByRole("button", { name: "Add drill" }).click();

    await expect(databaseCard).toHaveAttribute("data-sim-status", "overloaded");
    await expect(designer.node(DATABASE).getByRole("img", { name: /of capacity, overloaded/ })).toBeVisible();
    await expect(designer.node(REDIS).locator("[data-sim-status]")).toHaveAttribute("data-sim-status", "failed");
    const explanations = panel.getByRole("region", { name: "What happens" });
    await expect(explanations).toContainText(
      /Redis cluster \(master-replica, Sentinel\) down: cache-aside falls back to PostgreSQL primary \(read replicas 1\.\.N\), whose load rises from [\d,]+ to [\d,]+ QPS, above its [\d,]+ QPS capacity/,
    );
    await expect(panel.getByRole("region", { name: "Components" }).locator(`[data-status="overloaded"]`).first()).toContainText(DATABASE);

    await panel.getByRole("button", { name: /^Play the journey along Web browser, DNS/ }).first().click();
    const journey = panel.getByRole("region", { name: "Request journey" });
    await expect(journey).toContainText("DNS resolution");
    await expect(journey.locator('[aria-current="step"]')).toContainText(/DNS|CDN|WAF|Rate limiter|Load balancer|API gateway|service|Redis/);
    await expect(designer.canvas.locator('[data-sim-active="true"]')).toHaveCount(1);
  });

  test("POST /api/simulate runs the same engine and explains bad requests", async ({ request }) => {
    const design = await (await request.get("/api/templates/distributed-system")).json();
    const response = await request.post("/api/simulate", {
      data: { design, entryLoads: { "web-browser": { rps: 6300 } }, failures: [{ type: "component", componentId: "redis" }] },
    });
    expect(response.status()).toBe(200);
    const result = await response.json();
    expect(result.components["primary-db"].status).toBe("overloaded");
    expect(result.components.redis.status).toBe("failed");
    expect(result.availability).toBeLessThan(1);

    const missing = await request.post("/api/simulate", { data: { design, failures: [{ type: "component", componentId: "no-such" }] } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ issues: [{ path: "failures.0.componentId", message: 'No component "no-such"' }] });

    const invalid = await request.post("/api/simulate", { data: { design: { schemaVersion: 1, name: "" } } });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).issues[0].path).toBe("design.name");
  });
});
