import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { projectSlug } from "../lib/generators/naming";
import { EXPORT_DESIGN_INPUT, FIXED_FILES } from "../tests/export/support/export-design";

test.describe("export", () => {
  test("Export in the editor downloads the starter repository zip, the same bytes the API serves", async ({ page, request }) => {
    const name = `Export ${randomUUID().slice(0, 8)}`;
    const created = await request.post("/api/designs", { data: { document: { ...EXPORT_DESIGN_INPUT, name } } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/designs/${id}`);
    const button = page.getByRole("button", { name: "Export starter repository" });
    await expect(button).toHaveText("Export");
    const downloading = page.waitForEvent("download");
    await button.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${projectSlug(name)}-starter.zip`);
    await expect(button).toHaveText("Downloaded");
    await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toBeAttached();

    const zip = new Uint8Array(await readFile(await download.path()));
    const names = Object.keys(unzipSync(zip)).sort();
    const folder = `${name.toLowerCase().replace(/ /g, "-")}/`;
    expect(names.every((path) => path.startsWith(folder))).toBe(true);
    for (const path of FIXED_FILES) expect(names).toContain(`${folder}${path}`);
    for (const service of ["inventory", "orders"]) {
      for (const file of ["Dockerfile", "package.json", "src/index.ts", "tsconfig.json"]) expect(names).toContain(`${folder}services/${service}/${file}`);
    }
    expect(names.some((path) => path.startsWith(`${folder}infra/terraform/`) && path.endsWith(".tf"))).toBe(true);
    expect(names.every((path) => !path.startsWith("/") && !path.split("/").includes(".."))).toBe(true);

    const served = await request.get(`/api/designs/${id}/export`);
    expect(served.headers()["content-type"]).toBe("application/zip");
    expect(Buffer.from(await served.body()).equals(Buffer.from(zip))).toBe(true);
  });
});
