import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { fileBytes } from "@/lib/generators/file-contents";
import { MAX_PNG_SIDE, pngScale } from "@/lib/generators/picture/png-size";
import { RasteriserNotReadyError, rasterise } from "@/lib/generators/picture/rasterise";
import { designPicture, PICTURE_COLOURS, PICTURE_MARGIN } from "@/lib/generators/picture/svg";
import { createComponent, createConnection, createEmptyDesign, type Design } from "@/lib/model";
import { zoneIndex, zoneOrigin } from "@/lib/designer/geometry";
import { prepareNodeRasteriser } from "@/lib/server/picture-rasteriser";
import { TEMPLATES } from "@/lib/templates";
import { colourDistance, darkPixels, decodePng } from "../helpers/png";

/** A service at (0, 0) calling a database at (400, 0): cards 188 × 56, so the picture is 652 × 120 with its margin. */
function twoCards(): Design {
  let design = createEmptyDesign("Known layout");
  const api = { ...createComponent(design, "service", { x: 0, y: 0 }), name: "Orders API" };
  design = { ...design, components: [api] };
  const db = { ...createComponent(design, "database", { x: 400, y: 0 }), name: "Orders DB" };
  design = { ...design, components: [api, db] };
  return { ...design, connections: [createConnection(design, api, db)] };
}

describe("the PNG picture (resvg WebAssembly, decoded by pngjs)", () => {
  it("needs the rasteriser prepared in its thread, and says so", async () => {
    // Each test file runs in a fresh module graph, so nothing has prepared it yet here.
    expect(() => rasterise("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>", 1)).toThrow(RasteriserNotReadyError);
    await prepareNodeRasteriser(import.meta.url);
  });

  describe("once prepared", () => {
    beforeAll(() => prepareNodeRasteriser(import.meta.url));

    it("draws the SVG at twice its size, with cards, their border, icon tile, names and the line where the layout puts them", () => {
      const design = twoCards();
      const [file] = generate(design, "png");
      expect(file).toMatchObject({ path: "known-layout.png", encoding: "base64" });
      const image = decodePng(fileBytes(file));
      expect([image.width, image.height]).toEqual([2 * (588 + 2 * PICTURE_MARGIN), 2 * (56 + 2 * PICTURE_MARGIN)]);
      // Picture coordinates of the first card's top-left corner, and the scale.
      const left = PICTURE_MARGIN;
      const top = PICTURE_MARGIN;
      const at = (x: number, y: number) => image.pixel(2 * x, 2 * y);
      expect(colourDistance(at(5, 5), PICTURE_COLOURS.background)).toBeLessThan(3);
      expect(colourDistance(at(left + 0.5, top + 28), PICTURE_COLOURS.cardBorder)).toBeLessThan(24);
      expect(colourDistance(at(left + 400 + 187.5, top + 28), PICTURE_COLOURS.cardBorder)).toBeLessThan(24);
      // The icon tile, tinted with the compute layer's blue, left of the icon.
      expect(colourDistance(at(left + 10, top + 28), "#e9effd")).toBeLessThan(6);
      // The connection runs from the service's right handle to the database's left one at mid-height.
      expect(colourDistance(at(left + 300, top + 28), PICTURE_COLOURS.edge)).toBeLessThan(24);
      // Both names are drawn: dark text pixels in each card's text area, none in the empty margin.
      expect(darkPixels(image, 2 * (left + 54), 2 * (top + 8), 2 * 120, 2 * 22)).toBeGreaterThan(150);
      expect(darkPixels(image, 2 * (left + 454), 2 * (top + 8), 2 * 120, 2 * 22)).toBeGreaterThan(150);
      expect(darkPixels(image, 0, 0, image.width, 2 * (PICTURE_MARGIN - 2))).toBe(0);
    });

    it("draws the templates with text in every card", () => {
      for (const id of ["eks-full-stack", "distributed-system"]) {
        const design = TEMPLATES.find((template) => template.id === id)!.design;
        const picture = designPicture(design);
        const image = decodePng(fileBytes(generate(design, "png")[0]));
        const [x, y] = picture.svg.match(/viewBox="(-?[\d.]+) (-?[\d.]+)/)!.slice(1).map(Number);
        const zones = zoneIndex(design);
        for (const component of design.components) {
          const zone = zoneOrigin(zones, component.zoneId);
          const origin = { x: zone.x + component.position.x, y: zone.y + component.position.y };
          expect(darkPixels(image, 2 * (origin.x - x + 54), 2 * (origin.y - y + 8), 2 * 110, 2 * 40), `${id}: ${component.name}`).toBeGreaterThan(100);
        }
      }
    });

    it("scales a drawing too large for 2x down to stay within what a browser can show", () => {
      expect(pngScale(600, 400)).toBe(2);
      expect(pngScale(20_000, 500)).toBeCloseTo(MAX_PNG_SIDE / 20_000);
      expect(pngScale(10_000, 10_000) * 10_000).toBeLessThanOrEqual(MAX_PNG_SIDE);
    });
  });
});
