"use client";

import { useEffect, useRef } from "react";
import { copySelection, parseClipboard, serializeClipboard, type ClipboardPayload } from "@/lib/designer/clipboard";
import { deleteSelectionCommand } from "@/lib/designer/commands/delete";
import { pasteCommand, PASTE_OFFSET } from "@/lib/designer/commands/paste";
import { EMPTY_SELECTION, isSelectionEmpty, selectAll } from "@/lib/designer/selection";
import { designOf, type DesignerStore } from "@/lib/designer/store";

/** Keys typed into a field, a dialog or a menu belong to it, not to the canvas. */
export function belongsElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest("input, textarea, select, [contenteditable='true']")) return true;
  return target.closest("dialog, [role='dialog'], [role='alertdialog'], [role='menu']") !== null;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}

/**
 * Editor keyboard shortcuts: undo/redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y), delete (Delete/Backspace),
 * copy/cut/paste (Ctrl/Cmd+C/X/V), select all (Ctrl/Cmd+A) and Escape to clear the selection. Copy also
 * puts the items on the system clipboard as JSON, so they can be pasted into another design's tab.
 */
export function useEditorShortcuts(store: DesignerStore) {
  const clipboard = useRef<{ payload: ClipboardPayload; pastes: number } | null>(null);

  useEffect(() => {
    const copy = (): ClipboardPayload | null => {
      const state = store.getState();
      const payload = copySelection(designOf(state), state.selection);
      if (payload) clipboard.current = { payload, pastes: 0 };
      return payload;
    };

    const paste = (payload: ClipboardPayload, pastes: number) => {
      store.dispatch(pasteCommand(payload, PASTE_OFFSET * (pastes + 1)));
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || belongsElsewhere(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "z") {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === "y") {
        event.preventDefault();
        store.redo();
      } else if (mod && key === "a") {
        event.preventDefault();
        store.setSelection(selectAll(designOf(store.getState())));
      } else if (mod && (key === "c" || key === "x")) {
        if (hasTextSelection()) return;
        const payload = copy();
        if (payload && key === "x") store.dispatch(deleteSelectionCommand(store.getState().selection));
      } else if (mod && key === "v") {
        // Pasting from this tab's own clipboard; otherwise the browser's paste event brings the system clipboard.
        const held = clipboard.current;
        if (!held) return;
        event.preventDefault();
        paste(held.payload, held.pastes);
        held.pastes += 1;
      } else if (!mod && (event.key === "Delete" || event.key === "Backspace")) {
        const selection = store.getState().selection;
        if (isSelectionEmpty(selection)) return;
        event.preventDefault();
        store.dispatch(deleteSelectionCommand(selection));
      } else if (event.key === "Escape") {
        store.setSelection(EMPTY_SELECTION);
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      if (belongsElsewhere(event.target) || hasTextSelection()) return;
      const state = store.getState();
      const payload = copySelection(designOf(state), state.selection);
      if (!payload || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", serializeClipboard(payload));
      event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (belongsElsewhere(event.target)) return;
      const payload = parseClipboard(event.clipboardData?.getData("text/plain") ?? "");
      if (!payload) return;
      event.preventDefault();
      clipboard.current = { payload, pastes: 1 };
      paste(payload, 0);
    };

    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [store]);
}
