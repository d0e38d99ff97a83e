import { describe, expect, it } from "vitest";
import { TEMPLATES } from "@/lib/templates";
import { component, designOf, layeredDesign } from "@/tests/helpers/canvas-designs";
import { COMPONENT_SIZE } from "./geometry";
import { designBounds, entryPoint, openingViewport, READABLE_ZOOM } from "./viewport";

/** The canvas area of the editor in a 1440x900 window: palette 224 px, side panel 340 px, header about 56 px. */
const CANVAS = { width: 1440 - 224 - 340, height: 900 - 56 };

describe("openingViewport", () => {
  it("fits a small design whole, centred, no closer than 120 %", () => {
    const design = designOf({ components: [component("a", "client", 0, 0), component("b", "service", 300, 0)] });
    const viewport = openingViewport(design, CANVAS);
    expect(viewport.zoom).toBe(1.2);
    const bounds = designBounds(design)!;
    expect(viewport.x + (bounds.x + bounds.width / 2) * viewport.zoom).toBeCloseTo(CANVAS.width / 2);
  });

  it("opens every template at a readable zoom with its entry card on screen", () => {
    for (const template of TEMPLATES) {
      const viewport = openingViewport(template.design, CANVAS);
      expect(viewport.zoom, template.id).toBeGreaterThanOrEqual(READABLE_ZOOM);
      const entry = entryPoint(template.design)!;
      const screen = { x: entry.x * viewport.zoom + viewport.x, y: entry.y * viewport.zoom + viewport.y };
      const half = { x: (COMPONENT_SIZE.width / 2) * viewport.zoom, y: (COMPONENT_SIZE.height / 2) * viewport.zoom };
      expect(screen.x - half.x, template.id).toBeGreaterThanOrEqual(0);
      expect(screen.x + half.x, template.id).toBeLessThanOrEqual(CANVAS.width);
      expect(screen.y - half.y, template.id).toBeGreaterThanOrEqual(0);
      expect(screen.y + half.y, template.id).toBeLessThanOrEqual(CANVAS.height);
    }
  });

  it("starts a design too big to fit at its left edge, where the request flow begins", () => {
    const wide = designOf({ components: Array.from({ length: 12 }, (_, index) => component(`c${index}`, "service", index * 300, 0)) });
    const viewport = openingViewport(wide, CANVAS);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(viewport.x).toBe(40);
  });

  it("takes the leftmost card nothing calls as the entry", () => {
    expect(entryPoint(layeredDesign())).toEqual({ x: -200 + COMPONENT_SIZE.width / 2, y: 200 + COMPONENT_SIZE.height / 2 });
  });

  it("opens an empty design at 100 %", () => {
    expect(openingViewport(designOf({}), CANVAS).zoom).toBe(1);
  });
});
