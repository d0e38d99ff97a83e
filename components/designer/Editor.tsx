"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Selection } from "@/lib/designer/selection";
import { createDesignerStore, designOf, type DesignerStore } from "@/lib/designer/store";
import { useDesignerState } from "@/lib/designer/use-designer-state";
import { useDesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import type { Design } from "@/lib/model";
import { EdgeRoutesProvider } from "@/components/edges/EdgeRoutes";
import { FindingBadgeContext, type BadgeSeverity } from "@/components/nodes/FindingBadgeContext";
import { Tabs, type TabItem } from "@/components/ui/Tabs";
import { ToastProvider } from "@/components/ui/Toast";
import { Canvas } from "./Canvas";
import { DesignerStoreContext, useDesignerStore } from "./DesignerContext";
import styles from "./Editor.module.css";
import { EditorHeader } from "./EditorHeader";
import { Inspector } from "./Inspector";
import { Palette } from "./Palette";
import { SidePanelFrame } from "./SidePanelFrame";
import { useEditorShortcuts } from "./use-editor-shortcuts";

/** What a side panel (Findings, Outputs, ...) gets to work with. */
export interface EditorPanelContext {
  design: Design;
  selection: Selection;
  store: DesignerStore;
  /** Select items on the canvas (e.g. the target of a finding) and show them in the inspector. */
  select: (selection: Selection) => void;
  /** Select items and move the canvas so they are in view (a connection brings both of its ends). */
  reveal: (selection: Selection) => void;
}

/** A tab in the right-hand side area, next to the inspector. */
export interface EditorPanel {
  id: string;
  title: string;
  render: (context: EditorPanelContext) => ReactNode;
}

export interface EditorProps {
  designId: string;
  initialDesign: Design;
  initialRevision: number;
  /** Extra tabs after "Inspector", e.g. Findings and Outputs. */
  panels?: readonly EditorPanel[];
  /**
   * A hook giving the worst finding severity per item id, shown as badges; called with a deferred design, and
   * expected to compute off the main thread. Must stay the same function for the editor's lifetime (rules of hooks).
   */
  useBadges?: (design: Design) => ReadonlyMap<string, BadgeSeverity>;
  /** The side tab shown first; the inspector unless a workspace leads with one of its panels. */
  initialPanel?: string;
  /** Extra controls at the end of the header (e.g. Export, a practice timer), given the same context as panels. */
  headerActions?: (context: EditorPanelContext) => ReactNode;
}

const NO_PANELS: readonly EditorPanel[] = [];
const NO_BADGES: ReadonlyMap<string, BadgeSeverity> = new Map();
const useNoBadges = () => NO_BADGES;
const INSPECTOR_TAB = "inspector";

function EditorLayout({ designId, initialRevision, panels = NO_PANELS, useBadges = useNoBadges, headerActions, initialPanel = INSPECTOR_TAB }: Omit<EditorProps, "initialDesign">) {
  const designerStore = useDesignerStore();
  const design = useDesignerState(designerStore, designOf);
  const selection = useDesignerState(designerStore, (state) => state.selection);
  const persistence = useDesignPersistence({ designId, initialRevision, design, replaceDesign: designerStore.replaceDesign });
  const [activeTab, setActiveTab] = useState(initialPanel);
  const deferredDesign = useDeferredValue(design);
  const badges = useBadges(deferredDesign);
  useEditorShortcuts(designerStore);

  useEffect(() => {
    document.title = `${design.name} · Archway`;
  }, [design.name]);

  const flow = useReactFlow();
  const select = useCallback((next: Selection) => designerStore.setSelection(next), [designerStore]);
  const reveal = useCallback(
    (next: Selection) => {
      designerStore.setSelection(next);
      const current = designOf(designerStore.getState());
      const ends = current.connections.filter((connection) => next.connectionIds.includes(connection.id)).flatMap((connection) => [connection.source, connection.target]);
      const ids = [...new Set([...next.componentIds, ...next.zoneIds, ...next.annotationIds, ...ends])];
      if (ids.length > 0) void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.4, maxZoom: 1.2, duration: 300 });
    },
    [designerStore, flow],
  );
  const context = useMemo<EditorPanelContext>(() => ({ design, selection, store: designerStore, select, reveal }), [design, selection, designerStore, select, reveal]);
  const tabs = useMemo<TabItem[]>(
    () => [{ id: INSPECTOR_TAB, title: "Inspector", render: () => <Inspector /> }, ...panels.map((panel) => ({ id: panel.id, title: panel.title, render: () => panel.render(context) }))],
    [panels, context],
  );

  return (
    <FindingBadgeContext.Provider value={badges}>
      <div className={styles.editor}>
        <EditorHeader persistence={persistence} actions={headerActions?.(context)} />
        <div className={styles.body}>
          <Palette />
          <main className={styles.canvasArea} aria-label="Canvas">
            <EdgeRoutesProvider design={design}>
              <Canvas designId={designId} />
            </EdgeRoutesProvider>
          </main>
          <SidePanelFrame>
            <Tabs items={tabs} active={activeTab} onChange={setActiveTab} label="Side panels" />
          </SidePanelFrame>
        </div>
      </div>
    </FindingBadgeContext.Provider>
  );
}

/**
 * The design editor: header (name, save status, undo/redo, auto-layout, fit, export/import), palette,
 * canvas and a tabbed side area whose first tab is the inspector. Owns the designer store of one design.
 */
export function Editor({ initialDesign, ...rest }: EditorProps) {
  const [store] = useState(() => createDesignerStore(initialDesign));
  return (
    <DesignerStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <ToastProvider>
          <EditorLayout {...rest} />
        </ToastProvider>
      </ReactFlowProvider>
    </DesignerStoreContext.Provider>
  );
}
