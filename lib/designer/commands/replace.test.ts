import { describe, expect, it } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { createDesignerStore, designOf } from "../store";
import { selectionOf } from "../selection";
import { replaceDocumentCommand } from "./replace";

describe("replaceDocumentCommand", () => {
  it("imports a document as one undoable step and clears the selection", () => {
    const store = createDesignerStore(layeredDesign());
    store.setSelection(selectionOf({ componentIds: ["api"] }));
    store.dispatch(replaceDocumentCommand(createEmptyDesign("Imported")));
    expect(designOf(store.getState()).name).toBe("Imported");
    expect(store.getState().selection.componentIds).toEqual([]);
    store.undo();
    expect(designOf(store.getState()).name).toBe("Fixture");
  });
});
