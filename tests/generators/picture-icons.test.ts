import path from "node:path";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { COMPONENT_KIND_IDS } from "@/lib/catalog";
import { ZONE_KINDS } from "@/lib/catalog/zones";
import { ICON_DATA } from "@/lib/generators/picture/icon-data";
import { iconData, iconDataModule, readIcons } from "@/scripts/picture-icons";

const root = path.resolve(__dirname, "../..");

describe("picture icons", () => {
  it("are up to date with public/icons (else run `npm run pictures:icons`)", async () => {
    const committed = await readFile(path.join(root, "lib/generators/picture/icon-data.ts"), "utf8");
    expect(committed).toBe(iconDataModule(await readIcons(root)));
  });

  it("cover every component and zone kind", () => {
    for (const kind of [...COMPONENT_KIND_IDS, ...ZONE_KINDS]) expect(ICON_DATA[kind]?.shapes.length, kind).toBeGreaterThan(0);
  });

  it("keep the paint of the icon and leave its placement to the picture", () => {
    const icon = iconData("x", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" stroke="#123456"><circle cx="12" cy="12" r="4"/></svg>');
    expect(icon).toEqual({ viewBox: "0 0 24 24", attributes: { stroke: "#123456" }, shapes: [{ tag: "circle", attributes: { cx: "12", cy: "12", r: "4" } }] });
    expect(() => iconData("nested", '<svg viewBox="0 0 24 24"><g><path d="M0 0"/></g></svg>')).toThrow(/must be flat/);
  });
});
