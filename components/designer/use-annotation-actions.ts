"use client";

import { useMemo, type Dispatch, type MutableRefObject, type SetStateAction } from "react";
import { resizeAnnotation, resizeAnnotationCommand, updateAnnotationCommand } from "@/lib/designer/commands/annotations";
import type { DesignerStore } from "@/lib/designer/store";
import type { Design } from "@/lib/model";
import type { AnnotationActions } from "@/components/nodes/AnnotationNode";

type Preview = ((design: Design) => Design) | null;

/**
 * What notes and shapes do on the canvas: a resize is previewed and committed once at the end (one undo
 * step, as for zones); text and colour edits are one command each.
 */
export function useAnnotationActions(store: DesignerStore, setPreview: Dispatch<SetStateAction<Preview>>, resizing: MutableRefObject<boolean>): AnnotationActions {
  return useMemo<AnnotationActions>(
    () => ({
      onResizeStart: () => {
        resizing.current = true;
      },
      onResize: (id, rect) => setPreview(() => (current: Design) => resizeAnnotation(current, id, rect)),
      onResizeEnd: (id, rect) => {
        resizing.current = false;
        setPreview(null);
        store.dispatch(resizeAnnotationCommand(id, rect));
      },
      onTextCommit: (id, text) => {
        store.dispatch(updateAnnotationCommand(id, { text }));
      },
      onColour: (id, colour) => {
        store.dispatch(updateAnnotationCommand(id, { colour }));
      },
    }),
    [store, setPreview, resizing],
  );
}
