import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import { ANNOTATION_LABELS, type Annotation, type Component, type Connection, type Design, type Zone } from "@/lib/model";
import { handleSides } from "./edge-routing";
import { connectionLabel } from "./labels";
import { placementNodeId } from "./placements";
import { COMPONENT_SIZE, zoneDepth, zoneIndex, zoneOrigin, type Point } from "./geometry";
import type { Selection } from "./selection";

export type ComponentNodeData = { component: Component };
/** An echo card: the component drawn once more in a zone it also runs in. */
export type PlacementNodeData = { component: Component; zoneName: string; componentSelected: boolean };
export type ZoneNodeData = { zone: Zone };
export type AnnotationNodeData = { annotation: Annotation };
export type ConnectionEdgeData = { connection: Connection };

export type ComponentFlowNode = Node<ComponentNodeData, "component">;
export type ZoneFlowNode = Node<ZoneNodeData, "zone">;
export type AnnotationFlowNode = Node<AnnotationNodeData, "annotation">;
export type PlacementFlowNode = Node<PlacementNodeData, "placement">;
export type DesignFlowNode = ComponentFlowNode | ZoneFlowNode | AnnotationFlowNode | PlacementFlowNode;
export type ConnectionFlowEdge = Edge<ConnectionEdgeData, "connection">;

export { handleSides, type HandleSide } from "./edge-routing";

/** How far a handle's strip reaches past the card's border, and into the card. */
const HANDLE_OUTSIDE = 4;
const HANDLE_INSIDE = 8;
const HANDLE_DEPTH = HANDLE_OUTSIDE + HANDLE_INSIDE;

/**
 * Handles are declared up front with fixed geometry (the card has a fixed size), so React Flow never
 * measures a component node: with 500 nodes, measuring is what makes a canvas stutter. Each handle is a strip
 * along a whole side of the card, so a connection starts wherever the card's edge is pressed, as in draw.io;
 * the dot drawn at the middle of the side is where edges attach (React Flow attaches to the strip's outer
 * side at its middle). Every handle is a "source"; the canvas runs in loose connection mode, so any handle
 * can also end a connection.
 */
const COMPONENT_HANDLES: NodeHandle[] = [
  { id: "top", type: "source", position: Position.Top, x: 0, y: -HANDLE_OUTSIDE, width: COMPONENT_SIZE.width, height: HANDLE_DEPTH },
  { id: "right", type: "source", position: Position.Right, x: COMPONENT_SIZE.width - HANDLE_INSIDE, y: 0, width: HANDLE_DEPTH, height: COMPONENT_SIZE.height },
  { id: "bottom", type: "source", position: Position.Bottom, x: 0, y: COMPONENT_SIZE.height - HANDLE_INSIDE, width: COMPONENT_SIZE.width, height: HANDLE_DEPTH },
  { id: "left", type: "source", position: Position.Left, x: -HANDLE_OUTSIDE, y: 0, width: HANDLE_DEPTH, height: COMPONENT_SIZE.height },
];

/** Zones ordered parents first (React Flow needs a parent before its children), then by depth-stable input order. */
function zonesParentsFirst(design: Design): Zone[] {
  const zones = zoneIndex(design);
  return design.zones
    .map((zone, index) => ({ zone, index, depth: zoneDepth(zones, zone) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.zone);
}

type Memo<T extends object, V> = WeakMap<T, { selected: V | undefined; unselected: V | undefined }>;

function memoised<T extends object, V>(memo: Memo<T, V>, key: T, selected: boolean, build: () => V): V {
  let entry = memo.get(key);
  if (!entry) {
    entry = { selected: undefined, unselected: undefined };
    memo.set(key, entry);
  }
  const slot = selected ? "selected" : "unselected";
  const cached = entry[slot];
  if (cached !== undefined) return cached;
  const value = build();
  entry[slot] = value;
  return value;
}

export interface FlowElements {
  nodes: DesignFlowNode[];
  edges: ConnectionFlowEdge[];
}

/**
 * Design → React Flow nodes and edges. The mapper remembers what it built per item object, so after an edit
 * only the nodes and edges of the items that changed are new objects; React Flow skips the rest. Node `data`
 * carries the model item only (no callbacks); nothing here is ever saved. Edges are also rebuilt when an end
 * is renamed, because their accessible name says what they connect.
 */
export function createFlowMapper(): (design: Design, selection: Selection) => FlowElements {
  const componentNodes: Memo<Component, ComponentFlowNode> = new WeakMap();
  const zoneNodes: Memo<Zone, ZoneFlowNode> = new WeakMap();
  const annotationNodes: Memo<Annotation, AnnotationFlowNode> = new WeakMap();
  const placementNodes: Memo<Component, PlacementFlowNode[]> = new WeakMap();
  const edgeMemo = new WeakMap<Connection, Map<string, ConnectionFlowEdge>>();
  // React Flow rebuilds its connection lookup whenever the edges array changes identity; while a card is
  // dragged its edges usually stay the same objects, so the previous array is handed back.
  let previousEdges: ConnectionFlowEdge[] = [];

  return (design, selection) => {
    const selectedComponents = new Set(selection.componentIds);
    const selectedZones = new Set(selection.zoneIds);
    const selectedConnections = new Set(selection.connectionIds);
    const selectedAnnotations = new Set(selection.annotationIds);
    const zones = zoneIndex(design);
    const origins = new Map<string, Point>();
    const originOf = (zoneId: string | undefined): Point => {
      if (zoneId === undefined) return { x: 0, y: 0 };
      let origin = origins.get(zoneId);
      if (!origin) {
        origin = zoneOrigin(zones, zoneId);
        origins.set(zoneId, origin);
      }
      return origin;
    };

    const nodes: DesignFlowNode[] = [];
    for (const zone of zonesParentsFirst(design)) {
      const selected = selectedZones.has(zone.id);
      nodes.push(
        memoised(zoneNodes, zone, selected, () => ({
          id: zone.id,
          type: "zone",
          position: zone.position,
          ...(zone.parentId === undefined ? {} : { parentId: zone.parentId }),
          data: { zone },
          width: zone.size.width,
          height: zone.size.height,
          measured: { width: zone.size.width, height: zone.size.height },
          selected,
          connectable: false,
          ariaLabel: `${zone.name} zone`,
        })),
      );
    }

    // Notes and shapes come before cards, so a card drawn over a shape stays on top of it.
    for (const annotation of design.annotations) {
      const selected = selectedAnnotations.has(annotation.id);
      nodes.push(
        memoised(annotationNodes, annotation, selected, () => ({
          id: annotation.id,
          type: "annotation",
          position: annotation.position,
          ...(annotation.zoneId === undefined ? {} : { parentId: annotation.zoneId }),
          data: { annotation },
          width: annotation.size.width,
          height: annotation.size.height,
          measured: { ...annotation.size },
          selected,
          connectable: false,
          ariaLabel: `${ANNOTATION_LABELS[annotation.kind]}: ${annotation.text || "empty"}`,
        })),
      );
    }

    const centers = new Map<string, Point>();
    const names = new Map<string, string>();
    for (const component of design.components) {
      const selected = selectedComponents.has(component.id);
      const origin = originOf(component.zoneId);
      names.set(component.id, component.name);
      centers.set(component.id, {
        x: origin.x + component.position.x + COMPONENT_SIZE.width / 2,
        y: origin.y + component.position.y + COMPONENT_SIZE.height / 2,
      });
      nodes.push(
        memoised(componentNodes, component, selected, () => ({
          id: component.id,
          type: "component",
          position: component.position,
          ...(component.zoneId === undefined ? {} : { parentId: component.zoneId }),
          data: { component },
          width: COMPONENT_SIZE.width,
          height: COMPONENT_SIZE.height,
          measured: { ...COMPONENT_SIZE },
          handles: COMPONENT_HANDLES,
          selected,
          ariaLabel: component.name,
        })),
      );
      if (component.alsoIn) {
        nodes.push(
          ...memoised(placementNodes, component, selected, () =>
            (component.alsoIn ?? []).map((placement): PlacementFlowNode => {
              const zoneName = zones.get(placement.zoneId)?.name ?? placement.zoneId;
              return {
                id: placementNodeId(component.id, placement.zoneId),
                type: "placement",
                position: placement.position,
                parentId: placement.zoneId,
                data: { component, zoneName, componentSelected: selected },
                width: COMPONENT_SIZE.width,
                height: COMPONENT_SIZE.height,
                measured: { ...COMPONENT_SIZE },
                // Never selected itself: React Flow drags every selected node together, and an echo card moves alone.
                selected: false,
                connectable: false,
                ariaLabel: `${component.name}, also running in ${zoneName}`,
              };
            }),
          ),
        );
      }
    }

    const edges: ConnectionFlowEdge[] = [];
    for (const connection of design.connections) {
      const source = centers.get(connection.source);
      const target = centers.get(connection.target);
      if (!source || !target) continue;
      const sides = handleSides(source, target);
      const selected = selectedConnections.has(connection.id);
      const sourceName = names.get(connection.source) ?? connection.source;
      const targetName = names.get(connection.target) ?? connection.target;
      const key = `${sides.source}:${sides.target}:${selected ? 1 : 0}:${sourceName}:${targetName}`;
      let variants = edgeMemo.get(connection);
      if (!variants) {
        variants = new Map();
        edgeMemo.set(connection, variants);
      }
      let edge = variants.get(key);
      if (!edge) {
        edge = {
          id: connection.id,
          type: "connection",
          source: connection.source,
          target: connection.target,
          sourceHandle: sides.source,
          targetHandle: sides.target,
          data: { connection },
          selected,
          ariaLabel: `Connection from ${sourceName} to ${targetName}: ${connectionLabel(connection)}`,
        };
        variants.set(key, edge);
      }
      edges.push(edge);
    }
    const unchanged = edges.length === previousEdges.length && edges.every((edge, index) => edge === previousEdges[index]);
    if (!unchanged) previousEdges = edges;
    return { nodes, edges: previousEdges };
  };
}
