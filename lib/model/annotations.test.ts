import { describe, expect, it } from "vitest";
import { createEmptyDesign, LIMITS, minimizeDesign, parseDesign, SCHEMA_VERSION, type Annotation } from "./index";

const note = (overrides: Partial<Annotation> = {}): Annotation => ({
  id: "note-1",
  kind: "note",
  text: "Ask the DBA about backups",
  position: { x: 10, y: 20 },
  size: { width: 200, height: 120 },
  ...overrides,
});

const documentWith = (annotations: unknown[], extra: Record<string, unknown> = {}) => ({ schemaVersion: SCHEMA_VERSION, name: "Notes", annotations, ...extra });

describe("annotations in the design document", () => {
  it("parses a design without annotations to an empty list, and the minimal form leaves the empty list out", () => {
    const design = createEmptyDesign("Plain");
    expect(design.annotations).toEqual([]);
    expect(minimizeDesign(design)).not.toHaveProperty("annotations");
  });

  it("keeps notes and shapes through the minimal stored form", () => {
    const parsed = parseDesign(documentWith([note({ colour: "blue" }), note({ id: "ellipse-1", kind: "ellipse", text: "" })]));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const again = parseDesign(JSON.parse(JSON.stringify(minimizeDesign(parsed.design))));
    expect(again.success && again.design.annotations).toEqual(parsed.design.annotations);
  });

  it("refuses an id already used by a component, and a zone that does not exist", () => {
    const clash = parseDesign(
      documentWith([note({ id: "api" })], { components: [{ id: "api", kind: "service", name: "API", position: { x: 0, y: 0 } }] }),
    );
    expect(clash.success).toBe(false);
    expect(!clash.success && clash.issues.map((issue) => issue.path)).toContain("annotations.0.id");
    const lost = parseDesign(documentWith([note({ zoneId: "nowhere" })]));
    expect(!lost.success && lost.issues.map((issue) => issue.path)).toEqual(["annotations.0.zoneId"]);
  });

  it("bounds the text and the count, and refuses text a database cannot store", () => {
    expect(parseDesign(documentWith([note({ text: "x".repeat(LIMITS.annotationTextLength) })])).success).toBe(true);
    expect(parseDesign(documentWith([note({ text: "x".repeat(LIMITS.annotationTextLength + 1) })])).success).toBe(false);
    expect(parseDesign(documentWith([note({ text: "a\u0000b" })])).success).toBe(false);
    const many = Array.from({ length: LIMITS.annotations + 1 }, (_, index) => note({ id: `note-${index}` }));
    expect(parseDesign(documentWith(many)).success).toBe(false);
    expect(parseDesign(documentWith(many.slice(1))).success).toBe(true);
  });

  it("accepts only the palette's colours and the four kinds", () => {
    expect(parseDesign(documentWith([{ ...note(), colour: "#ff0000" }])).success).toBe(false);
    expect(parseDesign(documentWith([{ ...note(), kind: "arrow" }])).success).toBe(false);
  });
});
