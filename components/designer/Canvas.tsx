"use client";

import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type EdgeChange,
  type IsValidConnection,
  type Node,
  type NodeChange,
  type OnConnect,
  type OnConnectEnd,
  type Viewport,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { browserStorage, readSnapToGrid, readViewport, writeSnapToGrid, writeViewport } from "@/lib/designer/canvas-preferences";
import { mergeInto } from "@/lib/designer/history";
import { connectionRefusal } from "@/lib/designer/commands/connect";
import { dropItemsCommand, moveItems, moveItemsCommand, resizeZone, resizeZoneCommand, type Positions } from "@/lib/designer/commands/move";
import type { Rect } from "@/lib/designer/geometry";
import { connectFromFlow, mergePositions, PALETTE_DRAG_TYPE, paletteCommand, positionsFromChanges, selectionFromChanges } from "@/lib/designer/from-flow";
import { designOf } from "@/lib/designer/store";
import { createFlowMapper, type ConnectionFlowEdge, type DesignFlowNode } from "@/lib/designer/to-flow";
import { useDesignerState } from "@/lib/designer/use-designer-state";
import { openingViewport, RENDER_VISIBLE_ONLY_ABOVE } from "@/lib/designer/viewport";
import type { Design } from "@/lib/model";
import { EDGE_TYPES } from "@/components/edges/edge-types";
import { NODE_TYPES } from "@/components/nodes/node-types";
import { NodeActionsProvider } from "@/components/nodes/NodeActionsProvider";
import type { ZoneResizeHandlers } from "@/components/nodes/ZoneNode";
import { useToast } from "@/components/ui/Toast";
import { AlignmentGuides } from "./AlignmentGuides";
import { useDesignerStore } from "./DesignerContext";
import { PlacementToolbar } from "./PlacementToolbar";
import { useAlignmentGuides } from "./use-alignment-guides";
import styles from "./Canvas.module.css";
import { useAnnotationActions } from "./use-annotation-actions";
import { useFileDropImport } from "@/components/import/use-file-drop-import";

/** A change shown on the canvas while a gesture runs; the store only hears about it when the gesture ends. */
type Preview = (design: Design) => Design;

const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#9aa4b5" } };
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const PRO_OPTIONS = { hideAttribution: false };
/** Below this zoom, edge labels, cards' kind lines and the dot grid are too small to read and are left out. */
const LABEL_ZOOM = 0.45;
/** Below this zoom, 13 px card text is drawn under 10 px tall: cards switch to icon and name in large type. */
const DETAIL_ZOOM = 0.8;
/** Snap to grid uses the dot grid's spacing, so snapped cards line up with the dots. */
const GRID_GAP = 20;
const SNAP_GRID: [number, number] = [GRID_GAP, GRID_GAP];
const MOVE_SETTLE_MS = 200;
const zoomedOut = (state: { transform: [number, number, number] }) => state.transform[2] < LABEL_ZOOM;
const compactCards = (state: { transform: [number, number, number] }) => state.transform[2] < DETAIL_ZOOM;
const hasSize = (state: { width: number; height: number }) => state.width > 0 && state.height > 0;

function minimapColor(node: Node): string {
  if (node.type === "annotation") return "rgb(217 119 6 / 30%)";
  return node.type === "zone" ? "rgb(138 148 166 / 12%)" : "#9aa7ba";
}

/** The component card under a pointer position, for connections dropped on a card's body instead of a handle. */
function componentIdAt(event: MouseEvent | TouchEvent): string | undefined {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  for (const element of document.elementsFromPoint(point.clientX, point.clientY)) {
    const node = element.closest(".react-flow__node-component");
    const id = node?.getAttribute("data-id");
    if (id) return id;
  }
  return undefined;
}

/**
 * The React Flow canvas. Nodes and edges come from the design through to-flow; React Flow's events go back
 * through from-flow as store commands. Drags and resizes are previewed locally and committed once at the
 * end, so a gesture is one undo step and the rest of the editor does not re-render on every frame.
 */
export function Canvas({ designId }: { designId: string }) {
  const store = useDesignerStore();
  const toast = useToast();
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const flowStore = useStoreApi();
  const design = useDesignerState(store, designOf);
  const selection = useDesignerState(store, (state) => state.selection);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [dropTarget, setDropTarget] = useState(false);
  const farAway = useStore(zoomedOut);
  const compact = useStore(compactCards);
  const sized = useStore(hasSize);
  const [snapToGrid, setSnapToGrid] = useState(() => readSnapToGrid(browserStorage()));
  const drag = useRef<{ positions: Positions } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const resizing = useRef(false);
  const toFlow = useMemo(() => createFlowMapper(), []);
  const { guides, start: startGuides, snap: snapToGuides, stop: stopGuides } = useAlignmentGuides();
  // A design opens where the user left it in this browser; otherwise at a zoom where names can be read
  // (see openingViewport). An empty design starts at 100 %.
  const [remembered] = useState(() => readViewport(browserStorage(), designId));
  const opened = useRef(remembered !== undefined);
  useEffect(() => {
    if (!sized || opened.current) return;
    opened.current = true;
    const { width, height } = flowStore.getState();
    void setViewport(openingViewport(designOf(store.getState()), { width, height }));
  }, [sized, flowStore, setViewport, store]);

  const toggleSnap = useCallback(() => {
    setSnapToGrid((current) => {
      writeSnapToGrid(browserStorage(), !current);
      return !current;
    });
  }, []);

  const shown = useMemo(() => (preview ? preview(design) : design), [design, preview]);
  const { nodes, edges } = useMemo(() => toFlow(shown, selection), [toFlow, shown, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignFlowNode>[]) => {
      const state = store.getState();
      const nextSelection = selectionFromChanges(designOf(state), state.selection, changes, []);
      if (nextSelection !== state.selection) store.setSelection(nextSelection);
      if (resizing.current) return;
      const { positions, dragging } = positionsFromChanges(changes);
      if (positions.size === 0) return;
      if (dragging || drag.current) {
        const merged = mergePositions(drag.current?.positions ?? new Map(), snapToGuides(positions));
        drag.current = { positions: merged };
        setPreview(() => (current: Design) => moveItems(current, merged));
        return;
      }
      // Arrow-key moves of selected nodes: one undo step per run of presses on the same selection.
      store.dispatch(moveItemsCommand(positions, mergeInto(`keyboard-move:${[...positions.keys()].sort().join(",")}`)));
    },
    [store, snapToGuides],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionFlowEdge>[]) => {
      const state = store.getState();
      const nextSelection = selectionFromChanges(designOf(state), state.selection, [], changes);
      if (nextSelection !== state.selection) store.setSelection(nextSelection);
    },
    [store],
  );

  const onDragStart = useCallback(
    (dragged: readonly Node[]) => {
      drag.current = { positions: new Map() };
      startGuides(dragged.map((node) => node.id));
    },
    [startGuides],
  );
  const onNodeDragStart = useCallback((_event: unknown, _node: Node, dragged: Node[]) => onDragStart(dragged), [onDragStart]);
  const onSelectionDragStart = useCallback((_event: unknown, dragged: Node[]) => onDragStart(dragged), [onDragStart]);

  const onDragStop = useCallback(() => {
    const positions = drag.current?.positions;
    drag.current = null;
    stopGuides();
    setPreview(null);
    if (positions && positions.size > 0) store.dispatch(dropItemsCommand(positions));
  }, [store, stopGuides]);

  const resizeHandlers = useMemo<ZoneResizeHandlers>(
    () => ({
      onResizeStart: () => {
        resizing.current = true;
      },
      onResize: (zoneId: string, rect: Rect) => setPreview(() => (current: Design) => resizeZone(current, zoneId, rect)),
      onResizeEnd: (zoneId: string, rect: Rect) => {
        resizing.current = false;
        setPreview(null);
        store.dispatch(resizeZoneCommand(zoneId, rect));
      },
    }),
    [store],
  );

  const annotationActions = useAnnotationActions(store, setPreview, resizing);

  const isValidConnection = useCallback<IsValidConnection>(
    (connection) => connectionRefusal(designOf(store.getState()), connection.source, connection.target) === undefined,
    [store],
  );

  const onConnect = useCallback<OnConnect>(
    (connection) => {
      const result = store.dispatch(connectFromFlow(connection));
      if (result.refused) toast(result.refused);
    },
    [store, toast],
  );

  /** A refused or body-dropped connection: connect to the card under the pointer, or say why not. */
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connectionState) => {
      if (connectionState.isValid || !connectionState.fromNode) return;
      const sourceId = connectionState.fromNode.id;
      const targetId = connectionState.toNode?.id ?? componentIdAt(event);
      if (targetId === undefined || targetId === sourceId) return;
      const result = store.dispatch(connectFromFlow({ source: sourceId, target: targetId }));
      if (result.refused) toast(result.refused);
    },
    [store, toast],
  );

  const empty = design.components.length === 0 && design.zones.length === 0 && design.annotations.length === 0;
  const fileDrop = useFileDropImport(store, empty);

  const onDragOver = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE) && !fileDrop.accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      setDropTarget(true);
    },
    [fileDrop],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      setDropTarget(false);
      if (fileDrop.take(event)) return;
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!kind) return;
      event.preventDefault();
      const command = paletteCommand(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      if (!command) return;
      const result = store.dispatch(command);
      if (result.refused) toast(result.refused);
    },
    [screenToFlowPosition, store, toast, fileDrop],
  );

  // While the viewport moves, the whole drawing becomes one compositor layer that slides instead of being
  // repainted every frame; shortly after it stops it is a normal layer again, so text is re-rasterised sharp
  // at the new zoom. The delay spans programmatic pans (auto-pan while dragging) that start and end every frame.
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onMoveStart = useCallback(() => {
    clearTimeout(settle.current);
    wrapper.current?.setAttribute("data-moving", "true");
  }, []);
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: Viewport) => {
      clearTimeout(settle.current);
      settle.current = setTimeout(() => wrapper.current?.removeAttribute("data-moving"), MOVE_SETTLE_MS);
      if (opened.current) writeViewport(browserStorage(), designId, viewport);
    },
    [designId],
  );
  useEffect(() => () => clearTimeout(settle.current), []);

  return (
    <div ref={wrapper} className={styles.canvas} data-drop-target={dropTarget ? "true" : "false"} data-zoomed-out={farAway ? "true" : "false"} data-detail-level={compact ? "compact" : "full"} onDragOver={onDragOver} onDragLeave={() => setDropTarget(false)} onDrop={onDrop}>
      <NodeActionsProvider zoneResize={resizeHandlers} annotations={annotationActions}>
        <ReactFlow<DesignFlowNode, ConnectionFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onDragStop}
          onSelectionDragStart={onSelectionDragStart}
          onSelectionDragStop={onDragStop}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          connectionMode={ConnectionMode.Loose}
          connectionLineType={ConnectionLineType.SmoothStep}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          defaultViewport={remembered ?? DEFAULT_VIEWPORT}
          snapToGrid={snapToGrid}
          snapGrid={SNAP_GRID}
          minZoom={0.1}
          maxZoom={2.5}
          proOptions={PRO_OPTIONS}
          aria-label="Design canvas"
          onlyRenderVisibleElements={design.components.length > RENDER_VISIBLE_ONLY_ABOVE}
        >
          {farAway ? null : <Background variant={BackgroundVariant.Dots} gap={GRID_GAP} size={1.2} color="#d3d8e0" />}
          <AlignmentGuides guides={guides} />
          <PlacementToolbar />
          <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} nodeBorderRadius={6} ariaLabel="Overview of the design" />
          <Controls showInteractive={false}>
            <ControlButton onClick={toggleSnap} aria-pressed={snapToGrid} aria-label="Snap to grid" title={snapToGrid ? "Snap to grid: on" : "Snap to grid: off"} className={styles.snapButton}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M2 2h3v3H2zM6.5 2h3v3h-3zM11 2h3v3h-3zM2 6.5h3v3H2zM6.5 6.5h3v3h-3zM11 6.5h3v3h-3zM2 11h3v3H2zM6.5 11h3v3h-3zM11 11h3v3h-3z" />
              </svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      </NodeActionsProvider>
      {empty ? (
        <div className={styles.empty}>
          <div className={styles.emptyCard}>
            <strong>Start with a component</strong>
            Drag one from the palette, or focus it and press Enter. Connect cards by dragging from the edge of one onto another.
            Or drop Terraform, Kubernetes, docker-compose or Mermaid files here to import a system.
          </div>
        </div>
      ) : null}
      {fileDrop.dialog}
    </div>
  );
}
