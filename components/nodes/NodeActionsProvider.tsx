"use client";

import type { ReactNode } from "react";
import { AnnotationActionsContext, type AnnotationActions } from "./AnnotationNode";
import { ZoneResizeContext, type ZoneResizeHandlers } from "./ZoneNode";

/** What the canvas lends its node views: zone resizing, and resizing, text and colour of notes and shapes. */
export function NodeActionsProvider({ zoneResize, annotations, children }: { zoneResize: ZoneResizeHandlers; annotations: AnnotationActions; children: ReactNode }) {
  return (
    <ZoneResizeContext.Provider value={zoneResize}>
      <AnnotationActionsContext.Provider value={annotations}>{children}</AnnotationActionsContext.Provider>
    </ZoneResizeContext.Provider>
  );
}
