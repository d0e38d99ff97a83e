import type { Design } from "@/lib/model";

/**
 * How a change enters the undo history (excalidraw's CaptureUpdateAction, tldraw's history marks):
 * - record: a new undo step (add, delete, connect, paste, a finished drag);
 * - merge: joins the current step while the same `key` keeps arriving (typing in one field is one step);
 *   `sealBurst` ends the burst, so the next edit of that field starts a new step;
 * - none: the document is replaced from outside (load, server reload, restored draft). Undo cannot cross
 *   a replacement, so the history starts afresh from the new document.
 */
export type UndoBehaviour = { kind: "record" } | { kind: "merge"; key: string } | { kind: "none" };

export const RECORD: UndoBehaviour = { kind: "record" };
export const NO_UNDO: UndoBehaviour = { kind: "none" };
export const mergeInto = (key: string): UndoBehaviour => ({ kind: "merge", key });

export const HISTORY_LIMIT = 200;

export interface History {
  readonly past: readonly Design[];
  readonly present: Design;
  readonly future: readonly Design[];
  /** Key of the merge burst the present step belongs to, if it is still open. */
  readonly burstKey: string | null;
}

export function createHistory(design: Design): History {
  return { past: [], present: design, future: [], burstKey: null };
}

function pushStep(history: History, next: Design, burstKey: string | null): History {
  const past = [...history.past, history.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: next, future: [], burstKey };
}

export function commit(history: History, next: Design, undo: UndoBehaviour): History {
  if (undo.kind === "none") return createHistory(next);
  if (next === history.present) return history;
  if (undo.kind === "merge") {
    if (history.burstKey === undo.key) return { ...history, present: next, future: [] };
    return pushStep(history, next, undo.key);
  }
  return pushStep(history, next, null);
}

export function sealBurst(history: History): History {
  return history.burstKey === null ? history : { ...history, burstKey: null };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

export function undo(history: History): History {
  if (!canUndo(history)) return history;
  const previous = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], burstKey: null };
}

export function redo(history: History): History {
  if (!canRedo(history)) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest, burstKey: null };
}
