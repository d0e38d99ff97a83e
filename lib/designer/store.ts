import type { Design } from "@/lib/model";
import type { Command, CommandResult } from "./commands/types";
import { commit, createHistory, NO_UNDO, redo, sealBurst, undo, type History } from "./history";
import { EMPTY_SELECTION, pruneSelection, sameSelection, type Selection } from "./selection";

export interface DesignerState {
  history: History;
  selection: Selection;
}

/**
 * The editor's one source of truth: the design (with its undo history) and the selection.
 * A hand-rolled external store, read from React with useSyncExternalStore; every change is a Command.
 */
export interface DesignerStore {
  getState(): DesignerState;
  subscribe(listener: () => void): () => void;
  dispatch(command: Command): CommandResult;
  setSelection(selection: Selection): void;
  undo(): void;
  redo(): void;
  /** Ends the current merge burst (a field lost focus), so the next edit is its own undo step. */
  sealBurst(): void;
  /** Loads a design from outside (server, draft, import of a version) without an undo step. */
  replaceDesign(design: Design): void;
}

export function designOf(state: DesignerState): Design {
  return state.history.present;
}

export function createDesignerStore(initial: Design): DesignerStore {
  let state: DesignerState = { history: createHistory(initial), selection: EMPTY_SELECTION };
  const listeners = new Set<() => void>();

  const set = (history: History, selection: Selection) => {
    const nextSelection = pruneSelection(selection, history.present);
    if (history === state.history && sameSelection(nextSelection, state.selection)) return;
    state = { history, selection: sameSelection(nextSelection, state.selection) ? state.selection : nextSelection };
    for (const listener of listeners) listener();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(command) {
      const result = command.run(state.history.present);
      if (result.refused === undefined) set(commit(state.history, result.design, command.undo), result.selection ?? state.selection);
      return result;
    },
    setSelection: (selection) => set(state.history, selection),
    undo: () => set(undo(state.history), state.selection),
    redo: () => set(redo(state.history), state.selection),
    sealBurst: () => set(sealBurst(state.history), state.selection),
    replaceDesign: (design) => set(commit(state.history, design, NO_UNDO), state.selection),
  };
}
