import { describe, expect, it } from "vitest";
import { canonicalDesignText, createEmptyDesign } from "@/lib/model";
import { designFileName, MAX_DESIGN_FILE_BYTES, readDesignFile } from "./design-file";

describe("designFileName", () => {
  it.each([
    ["Checkout (prod)", "checkout-prod.archway.json"],
    ["  Café Über  ", "cafe-uber.archway.json"],
    ["../../etc/passwd", "etc-passwd.archway.json"],
    ["!!!", "design.archway.json"],
  ])("%s -> %s", (name, file) => {
    expect(designFileName(name)).toBe(file);
  });

  it("keeps long names to a readable length without a trailing hyphen", () => {
    const file = designFileName(`${"a".repeat(79)} b`);
    expect(file).toBe(`${"a".repeat(79)}.archway.json`);
  });
});

describe("readDesignFile", () => {
  it("parses a valid file", async () => {
    const design = createEmptyDesign("Shop");
    const result = await readDesignFile(new File([canonicalDesignText(design)], "shop.archway.json"));
    expect(result).toEqual({ success: true, design });
  });

  it("lists the failing paths of a malformed design", async () => {
    const result = await readDesignFile(new File([JSON.stringify({ schemaVersion: 1, name: "", components: [{ kind: "teleporter" }] })], "bad.json"));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["name", "components.0.kind"]));
  });

  it("reports text that is not JSON", async () => {
    const result = await readDesignFile(new File(["{ nope"], "bad.json"));
    expect(result).toMatchObject({ success: false, issues: [{ path: "" }] });
  });

  it("refuses a file over the size limit without reading it", async () => {
    const text = () => Promise.reject(new Error("must not be read"));
    const result = await readDesignFile({ size: MAX_DESIGN_FILE_BYTES + 1, text });
    expect(result).toMatchObject({ success: false, issues: [{ path: "", message: expect.stringContaining("at most 5.0 MB") }] });
  });
});
