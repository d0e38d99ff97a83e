import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

/** A short practice interview through the UI: scenario pick → questions → estimate → design → drill → score → history. */
test.describe("interview practice", () => {
  test("runs a short session from scenario pick to score page and finds it in the history", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Practice" }).click();
    await expect(page.getByRole("heading", { name: "Interview practice" })).toBeVisible();

    await page.getByLabel("Difficulty").selectOption("easy");
    const scenarios = page.getByRole("list", { name: "Scenarios" });
    await expect(scenarios.getByRole("listitem", { name: "Chat" })).toHaveCount(0);
    await page.getByLabel("Minutes").fill("20");
    await scenarios.getByRole("button", { name: "Start URL shortener" }).click();
    await page.waitForURL(/\/practice\/sessions\/[^/]+$/);

    const designer = new DesignerPage(page);
    await expect(designer.palette).toBeVisible();
    await expect(page.getByRole("timer", { name: "Time left" })).toHaveText(/^(20:00|19:\d\d)$/);
    await page.getByRole("tab", { name: "Practice" }).click();
    const panel = page.getByRole("tabpanel", { name: "Practice" });

    await panel.getByRole("button", { name: "Ask: Expected users?" }).click();
    await expect(panel.getByText("1M daily active users at full scale; start with 1K.")).toBeVisible();
    await panel.getByRole("button", { name: "Ask: Read/write ratio?" }).click();
    await expect(panel.getByText("100 redirects for every link created: 99 % reads.")).toBeVisible();

    await panel.getByRole("button", { name: "Next phase: Estimate capacity" }).click();
    await expect(page.getByLabel("Current phase")).toHaveText("Estimate capacity");
    await panel.getByLabel("Peak requests/s").fill("1");
    await panel.getByRole("button", { name: "Record estimate" }).click();
    await expect(panel.getByText("Recorded: 1 peak req/s.")).toBeVisible();

    await panel.getByRole("button", { name: "Next phase: High-level design" }).click();
    await expect(page.getByLabel("Current phase")).toHaveText("High-level design");
    await designer.dragFromPalette("Client", { x: 120, y: 120 });
    await designer.dragFromPalette("Load balancer", { x: 380, y: 120 });
    await designer.dragFromPalette("Service", { x: 640, y: 120 });
    await designer.dragFromPalette("Database", { x: 640, y: 320 });
    await designer.connect("Client", "Load balancer");
    await designer.connect("Load balancer", "Service");
    await designer.connect("Service", "Database");
    await expect(designer.edges()).toHaveCount(3);
    await designer.waitForSaved();

    // The Simulate tab starts from the stage's load (1K users: under 1 request/s), the load the drills use.
    await page.getByRole("tab", { name: "Simulate" }).click();
    const simulatePanel = page.getByRole("tabpanel", { name: "Simulate" });
    const stageRps = Number(await simulatePanel.getByLabel("Requests per second at Client").getAttribute("placeholder"));
    expect(stageRps).toBeGreaterThan(0);
    expect(stageRps).toBeLessThan(1);
    await simulatePanel.getByRole("button", { name: "Simulate", exact: true }).click();
    await expect(designer.node("Database").locator("[data-sim-status]")).toHaveAttribute("data-sim-status", "ok");
    await page.getByRole("tab", { name: "Practice" }).click();

    await panel.getByRole("button", { name: "Next phase: Deep dive" }).click();
    await expect(page.getByLabel("Current phase")).toHaveText("Deep dive");
    await panel.getByRole("button", { name: "Run drill: Primary database down" }).click();
    await expect(panel.getByLabel("Failure drills").getByText(/needs 99\.0 %/)).toBeVisible();
    await panel.getByRole("button", { name: /Show hint 1/ }).click();
    await expect(panel.getByText(/99 % of traffic is redirects/)).toBeVisible();

    await page.getByRole("button", { name: "Finish interview" }).click();
    await page.waitForURL(/\/practice\/sessions\/[^/]+\/score$/);
    await expect(page.getByRole("heading", { name: "Score: URL shortener" })).toBeVisible();
    const rubric = page.getByRole("table", { name: "Rubric items" });
    await expect(rubric.getByRole("row", { name: /The redirect service looks codes up in a link table/ })).toContainText("10 / 10");
    await expect(page.getByLabel("Total score")).toHaveText("8 / 10 (80 %)");
    await expect(page.getByRole("table", { name: "Category scores" }).getByRole("row", { name: /reliability/ })).toContainText("10 / 10");
    await expect(page.getByRole("button", { name: "Open the reference answer as a new design" })).toBeVisible();
    for (const schematic of [page.getByRole("img", { name: /^Schematic of your design, 4 components$/ }), page.getByRole("img", { name: /^Schematic of the reference answer/ })]) {
      await expect.poll(() => schematic.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    }
    const sessionUrl = page.url();

    await page.getByRole("link", { name: "History" }).first().click();
    await expect(page.getByRole("heading", { name: "Practice history" })).toBeVisible();
    const row = page.getByRole("table", { name: "Practice sessions" }).getByRole("row").filter({ has: page.getByRole("link", { name: "Score" }) }).filter({ hasText: "URL shortener" });
    await expect(row.filter({ hasText: "80 %" }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: /Scores over time/ })).toBeVisible();
    const scoreLink = page.locator(`a[href="${new URL(sessionUrl).pathname}"]`);
    await expect(scoreLink).toHaveCount(1);
  });

  test("deletes a session from the history only after confirming", async ({ page }) => {
    await page.goto("/practice");
    await page.getByRole("list", { name: "Scenarios" }).getByRole("button", { name: "Start Chat" }).click();
    await page.waitForURL(/\/practice\/sessions\/[^/]+$/);
    const sessionPath = new URL(page.url()).pathname;

    await page.goto("/practice/history");
    const row = page.getByRole("table", { name: "Practice sessions" }).getByRole("row").filter({ has: page.locator(`a[href="${sessionPath}"]`) });
    await expect(row).toContainText("in progress (Clarify requirements)");

    await row.getByRole("button", { name: /^Delete the Chat session/ }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this session?" });
    await expect(dialog).toContainText("and the design drawn in it are deleted for good");
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(1);

    await row.getByRole("button", { name: /^Delete the Chat session/ }).click();
    await page.getByRole("dialog", { name: "Delete this session?" }).getByRole("button", { name: "Delete session" }).click();
    await expect(row).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Practice history" })).toBeVisible();
    await expect(page.locator(`a[href="${sessionPath}"]`)).toHaveCount(0);
  });
});
