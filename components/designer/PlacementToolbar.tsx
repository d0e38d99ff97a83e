"use client";

import { Panel, useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { ALIGN_LABELS, alignCommand, DISTRIBUTE_LABELS, distributeCommand, type AlignEdge, type DistributeAxis } from "@/lib/designer/commands/align";
import { designOf } from "@/lib/designer/store";
import { useDesignerState } from "@/lib/designer/use-designer-state";
import { useDesignerStore } from "./DesignerContext";
import styles from "./PlacementToolbar.module.css";
import { ALIGN_SHORTCUTS, DISTRIBUTE_SHORTCUTS, usePlacementShortcuts, ZOOM_TO_SELECTION_SHORTCUT } from "./use-placement-shortcuts";

/** 16 × 16 icons: a guide line and the boxes lined up on it, as drawing tools draw them. */
const ALIGN_ICONS: Record<AlignEdge, string> = {
  left: "M2 1h1.5v14H2zM5 3.5h9v3H5zM5 9.5h5.5v3H5z",
  center: "M7.25 1h1.5v14h-1.5zM3 3.5h10v3H3zM5 9.5h6v3H5z",
  right: "M12.5 1H14v14h-1.5zM2 3.5h9v3H2zM5.5 9.5H11v3H5.5z",
  top: "M1 2h14v1.5H1zM3.5 5h3v9h-3zM9.5 5h3v5.5h-3z",
  middle: "M1 7.25h14v1.5H1zM3.5 3h3v10h-3zM9.5 5h3v6h-3z",
  bottom: "M1 12.5h14V14H1zM3.5 2h3v9h-3zM9.5 5.5h3V11h-3z",
};
const DISTRIBUTE_ICONS: Record<DistributeAxis, string> = {
  horizontal: "M1 2h1.5v12H1zM13.5 2H15v12h-1.5zM6 4.5h4v7H6z",
  vertical: "M2 1h12v1.5H2zM2 13.5h12V15H2zM4.5 6h7v4h-7z",
};
const ZOOM_ICON = "M2 2h4v1.5H3.5V6H2zM10 2h4v4h-1.5V3.5H10zM2 10h1.5v2.5H6V14H2zM12.5 10H14v4h-4v-1.5h2.5zM6 6h4v4H6z";
const ALIGN_ORDER: readonly AlignEdge[] = ["left", "center", "right", "top", "middle", "bottom"];
const DISTRIBUTE_ORDER: readonly DistributeAxis[] = ["horizontal", "vertical"];
const ZOOM_PADDING = 0.12;

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 16 16" width={16} height={16} aria-hidden="true">
      <path d={path} />
    </svg>
  );
}

/**
 * The placement bar over the canvas while cards or zones are selected: zoom to selection for any selection,
 * align for two or more items, distribute for three or more. The same actions have Figma's keys.
 */
export function PlacementToolbar() {
  const store = useDesignerStore();
  const { fitView } = useReactFlow();
  const selection = useDesignerState(store, (state) => state.selection);
  const count = selection.componentIds.length + selection.zoneIds.length;

  const align = useCallback(
    (edge: AlignEdge) => {
      const { selection: current } = store.getState();
      if (current.componentIds.length + current.zoneIds.length >= 2) store.dispatch(alignCommand(current, edge));
    },
    [store],
  );
  const distribute = useCallback(
    (axis: DistributeAxis) => {
      const { selection: current } = store.getState();
      if (current.componentIds.length + current.zoneIds.length >= 3) store.dispatch(distributeCommand(current, axis));
    },
    [store],
  );
  const zoomToSelection = useCallback(() => {
    const state = store.getState();
    const design = designOf(state);
    const ends = design.connections.filter((connection) => state.selection.connectionIds.includes(connection.id)).flatMap((connection) => [connection.source, connection.target]);
    const ids = [...new Set([...state.selection.componentIds, ...state.selection.zoneIds, ...ends])];
    if (ids.length > 0) void fitView({ nodes: ids.map((id) => ({ id })), padding: ZOOM_PADDING, duration: 250 });
  }, [store, fitView]);
  usePlacementShortcuts({ align, distribute, zoomToSelection });

  if (count === 0) return null;
  return (
    <Panel position="top-center" className={styles.toolbar}>
      <div role="toolbar" aria-label="Placement" className={styles.bar}>
        <button type="button" className={styles.button} onClick={zoomToSelection} aria-label="Zoom to selection" title={`Zoom to selection (${ZOOM_TO_SELECTION_SHORTCUT})`}>
          <Icon path={ZOOM_ICON} />
        </button>
        {count >= 2 ? (
          <>
            <span className={styles.separator} aria-hidden="true" />
            {ALIGN_ORDER.map((edge) => (
              <button key={edge} type="button" className={styles.button} onClick={() => align(edge)} aria-label={ALIGN_LABELS[edge]} title={`${ALIGN_LABELS[edge]} (${ALIGN_SHORTCUTS[edge]})`}>
                <Icon path={ALIGN_ICONS[edge]} />
              </button>
            ))}
          </>
        ) : null}
        {count >= 3 ? (
          <>
            <span className={styles.separator} aria-hidden="true" />
            {DISTRIBUTE_ORDER.map((axis) => (
              <button key={axis} type="button" className={styles.button} onClick={() => distribute(axis)} aria-label={DISTRIBUTE_LABELS[axis]} title={`${DISTRIBUTE_LABELS[axis]} (${DISTRIBUTE_SHORTCUTS[axis]})`}>
                <Icon path={DISTRIBUTE_ICONS[axis]} />
              </button>
            ))}
          </>
        ) : null}
      </div>
    </Panel>
  );
}
