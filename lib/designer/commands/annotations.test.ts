import { describe, expect, it } from "vitest";
import { DesignSchema, type Design } from "@/lib/model";
import { copySelection, parseClipboard, serializeClipboard } from "../clipboard";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { layoutDesign } from "../layout";
import { selectionOf } from "../selection";
import { createDesignerStore, designOf } from "../store";
import { applyLayout } from "./apply-layout";
import { addAnnotationCommand, resizeAnnotation, updateAnnotationCommand } from "./annotations";
import { deleteItems } from "./delete";
import { dropItems } from "./move";
import { pasteItems } from "./paste";

const withNote = (design: Design, center = { x: 700, y: 400 }) => addAnnotationCommand("note", center).run(design);

describe("notes and shapes on the canvas", () => {
  it("adds a note inside the zone under the pointer, selected and valid", () => {
    const { design, selection } = withNote(layeredDesign());
    const [note] = design.annotations;
    expect(note).toMatchObject({ kind: "note", text: "Note", zoneId: "private" });
    expect(selection?.annotationIds).toEqual([note.id]);
    expect(DesignSchema.safeParse(design).success).toBe(true);
  });

  it("edits text as one undo step, and refuses text over the limit", () => {
    const store = createDesignerStore(layeredDesign());
    store.dispatch(addAnnotationCommand("text", { x: -500, y: -500 }));
    const id = designOf(store.getState()).annotations[0].id;
    store.dispatch(updateAnnotationCommand(id, { text: "Orders flow\nsecond line" }));
    expect(designOf(store.getState()).annotations[0].text).toBe("Orders flow\nsecond line");
    expect(store.dispatch(updateAnnotationCommand(id, { text: "x".repeat(5000) })).refused).toBeDefined();
    store.undo();
    expect(designOf(store.getState()).annotations[0].text).toBe("Text");
    store.undo();
    expect(designOf(store.getState()).annotations).toEqual([]);
  });

  it("resizes, and the zone grows to hold the bigger note", () => {
    const { design } = withNote(layeredDesign());
    const note = design.annotations[0];
    const resized = resizeAnnotation(design, note.id, { ...note.position, width: 900, height: 300 });
    expect(resized.annotations[0].size).toEqual({ width: 900, height: 300 });
    const zone = resized.zones.find((candidate) => candidate.id === "private")!;
    expect(zone.size.width).toBeGreaterThanOrEqual(note.position.x + 900);
  });

  it("keeps a note where it is on the canvas when its zone is deleted, and deletes it when selected", () => {
    const { design } = withNote(layeredDesign());
    const note = design.annotations[0];
    const released = deleteItems(design, selectionOf({ zoneIds: ["private"] }));
    const moved = released.annotations[0];
    expect(moved.zoneId).toBe("vpc");
    expect(moved.position).toEqual({ x: note.position.x + 400, y: note.position.y + 40 });
    expect(deleteItems(design, selectionOf({ annotationIds: [note.id] })).annotations).toEqual([]);
  });

  it("joins the zone it is dropped in", () => {
    const { design } = withNote(layeredDesign(), { x: -600, y: -600 });
    const note = design.annotations[0];
    expect(note.zoneId).toBeUndefined();
    const dropped = dropItems(design, new Map([[note.id, { x: 150, y: 200 }]]));
    expect(dropped.annotations[0].zoneId).toBe("public");
  });

  it("copies and pastes notes with new ids, through the clipboard text", () => {
    const { design } = withNote(layeredDesign());
    const note = design.annotations[0];
    const payload = copySelection(design, selectionOf({ annotationIds: [note.id], componentIds: ["api"] }));
    const roundTrip = parseClipboard(serializeClipboard(payload!));
    expect(roundTrip?.annotations).toHaveLength(1);
    const pasted = pasteItems(design, roundTrip!, 40);
    expect(pasted.annotationIds).toHaveLength(1);
    expect(pasted.annotationIds[0]).not.toBe(note.id);
    expect(pasted.design.annotations.find((item) => item.id === pasted.annotationIds[0])?.text).toBe(note.text);
    expect(DesignSchema.safeParse(pasted.design).success).toBe(true);
  });

  it("reads clipboard text written before notes existed", () => {
    const old = JSON.stringify({ format: "archway/clipboard", components: [], connections: [], zoneOrigins: {} });
    expect(parseClipboard(old)?.annotations).toEqual([]);
  });
});

describe("auto-layout with notes", () => {
  it("runs on a design with notes in and out of zones, and leaves each note in its zone", async () => {
    const inZone = withNote(layeredDesign()).design;
    const design = withNote(inZone, { x: -900, y: -900 }).design;
    const laidOut = applyLayout(design, await layoutDesign(design));
    expect(DesignSchema.safeParse(laidOut).success).toBe(true);
    expect(laidOut.annotations.map((annotation) => annotation.zoneId)).toEqual(design.annotations.map((annotation) => annotation.zoneId));
  });
});
