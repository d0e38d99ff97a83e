import { describe, expect, it, vi } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import { addComponentCommand } from "./commands/add";
import { updateComponentCommand } from "./commands/update";
import { deleteSelectionCommand } from "./commands/delete";
import { connectCommand } from "./commands/connect";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { createDesignerStore, designOf } from "./store";
import { EMPTY_SELECTION, selectionOf } from "./selection";

describe("designer store", () => {
  it("dispatches commands, selects what they add and notifies subscribers", () => {
    const store = createDesignerStore(createEmptyDesign("Empty"));
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(addComponentCommand("service", { x: 0, y: 0 }));
    const design = designOf(store.getState());
    expect(design.components.map((component) => component.kind)).toEqual(["service"]);
    expect(store.getState().selection.componentIds).toEqual([design.components[0].id]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("undoes and redoes, pruning the selection of items that no longer exist", () => {
    const store = createDesignerStore(createEmptyDesign("Empty"));
    store.dispatch(addComponentCommand("cache", { x: 0, y: 0 }));
    store.undo();
    expect(designOf(store.getState()).components).toHaveLength(0);
    expect(store.getState().selection).toEqual(EMPTY_SELECTION);
    store.redo();
    expect(designOf(store.getState()).components).toHaveLength(1);
  });

  it("typing in one field is one undo step; sealing the burst starts the next", () => {
    const store = createDesignerStore(layeredDesign());
    for (const name of ["O", "Or", "Orders"]) store.dispatch(updateComponentCommand("api", { name }, "name"));
    store.sealBurst();
    store.dispatch(updateComponentCommand("api", { name: "Orders API" }, "name"));
    store.undo();
    expect(designOf(store.getState()).components.find((component) => component.id === "api")?.name).toBe("Orders");
    store.undo();
    expect(designOf(store.getState()).components.find((component) => component.id === "api")?.name).toBe("api");
  });

  it("a refused command changes nothing and reports why", () => {
    const store = createDesignerStore(layeredDesign());
    const before = store.getState();
    const result = store.dispatch(connectCommand("client", "db"));
    expect(result.refused).toMatch(/Client cannot connect to Database/);
    expect(store.getState()).toBe(before);
  });

  it("replaceDesign loads without an undo step", () => {
    const store = createDesignerStore(layeredDesign());
    store.dispatch(deleteSelectionCommand(selectionOf({ componentIds: ["db"] })));
    store.replaceDesign(createEmptyDesign("From server"));
    expect(designOf(store.getState()).name).toBe("From server");
    store.undo();
    expect(designOf(store.getState()).name).toBe("From server");
  });

  it("setSelection ignores ids that do not exist", () => {
    const store = createDesignerStore(layeredDesign());
    store.setSelection(selectionOf({ componentIds: ["api", "ghost"], zoneIds: ["vpc"] }));
    expect(store.getState().selection).toEqual(selectionOf({ componentIds: ["api"], zoneIds: ["vpc"] }));
  });
});
