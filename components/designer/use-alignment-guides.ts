"use client";

import { useStoreApi, type InternalNode } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import { boundsOf, indexAlignment, snapToGuides, type AlignmentIndex, type Guide } from "@/lib/designer/alignment-guides";
import type { Positions } from "@/lib/designer/commands/move";
import type { Point, Rect, Size } from "@/lib/designer/geometry";

/** How close, in screen pixels, a dragged item's edge or centre must come to another's to snap onto it. */
const SNAP_DISTANCE_PX = 6;
const NO_GUIDES: Guide[] = [];

interface DragIndex {
  index: AlignmentIndex;
  /** Per dragged node: its parent's canvas corner (positions are relative to it) and its size. */
  dragged: Map<string, { parent: Point; size: Size }>;
}

function rectOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Alignment guides for drags on the canvas. `start` indexes the edges and centres of the items in view once
 * (leaving out the dragged items, what is inside them and the zones around them, which would only pull
 * them onto their own borders); `snap` then shifts each frame's positions onto the nearest line within
 * 6 screen pixels and records the guide lines to draw; `stop` clears them.
 */
export function useAlignmentGuides() {
  const flowStore = useStoreApi();
  const drag = useRef<DragIndex | null>(null);
  const [guides, setGuides] = useState<Guide[]>(NO_GUIDES);

  const start = useCallback(
    (draggedIds: readonly string[]) => {
      const { nodeLookup, transform, width, height } = flowStore.getState();
      const [tx, ty, zoom] = transform;
      const view: Rect = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
      const moving = new Set(draggedIds);
      const around = new Set<string>();
      const dragged = new Map<string, { parent: Point; size: Size }>();
      for (const id of draggedIds) {
        const node = nodeLookup.get(id);
        if (!node) continue;
        const parent = node.parentId === undefined ? undefined : nodeLookup.get(node.parentId);
        dragged.set(id, { parent: parent ? parent.internals.positionAbsolute : { x: 0, y: 0 }, size: { width: rectOf(node).width, height: rectOf(node).height } });
        for (let ancestor = parent; ancestor && !around.has(ancestor.id); ancestor = ancestor.parentId === undefined ? undefined : nodeLookup.get(ancestor.parentId)) around.add(ancestor.id);
      }
      const insideMoving = (node: InternalNode): boolean => {
        const seen = new Set<string>();
        for (let current: InternalNode | undefined = node; current && !seen.has(current.id); current = current.parentId === undefined ? undefined : nodeLookup.get(current.parentId)) {
          if (moving.has(current.id)) return true;
          seen.add(current.id);
        }
        return false;
      };
      const others: Rect[] = [];
      for (const node of nodeLookup.values()) {
        if (node.hidden || around.has(node.id) || insideMoving(node)) continue;
        const rect = rectOf(node);
        if (intersects(rect, view)) others.push(rect);
      }
      drag.current = { index: indexAlignment(others), dragged };
    },
    [flowStore],
  );

  const snap = useCallback(
    (positions: Positions): Positions => {
      const current = drag.current;
      if (!current) return positions;
      const rects: Rect[] = [];
      for (const [id, position] of positions) {
        const item = current.dragged.get(id);
        if (item) rects.push({ x: item.parent.x + position.x, y: item.parent.y + position.y, ...item.size });
      }
      const moving = boundsOf(rects);
      if (!moving) return positions;
      const zoom = flowStore.getState().transform[2];
      const { dx, dy, guides: found } = snapToGuides(current.index, moving, SNAP_DISTANCE_PX / zoom);
      setGuides(found.length === 0 ? NO_GUIDES : found);
      if (dx === 0 && dy === 0) return positions;
      const snapped = new Map<string, Point>();
      for (const [id, position] of positions) snapped.set(id, current.dragged.has(id) ? { x: Math.round(position.x + dx), y: Math.round(position.y + dy) } : position);
      return snapped;
    },
    [flowStore],
  );

  const stop = useCallback(() => {
    drag.current = null;
    setGuides(NO_GUIDES);
  }, []);

  return { guides, start, snap, stop };
}
