import { useSyncExternalStore } from "react";
import type { DesignerState, DesignerStore } from "./store";

/**
 * Reads a slice of the designer store and re-renders when it changes. `select` must return a value that
 * stays identical while nothing relevant changed (a piece of state, not a new object).
 */
export function useDesignerState<T>(store: DesignerStore, select: (state: DesignerState) => T): T {
  const read = () => select(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}
