import { COMPONENT_SIZE, zoneDepth, zoneIndex, zoneOrigin, type Point, type Rect } from "@/lib/designer/geometry";
import type { Component, Connection, Design, Zone } from "@/lib/model";

export type Side = "top" | "right" | "bottom" | "left";

/** Where everything sits in canvas coordinates: the picture draws from this, never from relative positions. */
export interface Scene {
  /** Parents before their children, so inner zones are drawn over outer ones. */
  zones: { zone: Zone; rect: Rect }[];
  components: { component: Component; rect: Rect }[];
  connections: { connection: Connection; points: Point[] }[];
}

/** Sides an edge leaves and enters by, facing each other along the dominant axis (as the canvas picks handles). */
function facingSides(source: Rect, target: Rect): { source: Side; target: Side } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dx) >= Math.abs(dy) * 0.6) return dx >= 0 ? { source: "right", target: "left" } : { source: "left", target: "right" };
  return dy >= 0 ? { source: "bottom", target: "top" } : { source: "top", target: "bottom" };
}

function handlePoint(rect: Rect, side: Side): Point {
  switch (side) {
    case "top":
      return { x: rect.x + rect.width / 2, y: rect.y };
    case "right":
      return { x: rect.x + rect.width, y: rect.y + rect.height / 2 };
    case "bottom":
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height };
    case "left":
      return { x: rect.x, y: rect.y + rect.height / 2 };
  }
}

/**
 * An orthogonal route between two cards' facing handles: out of the source, across at the midpoint, into the
 * target. Edge drawing takes any list of points, so a router's bends can replace this one day.
 */
export function connectionRoute(source: Rect, target: Rect): Point[] {
  const sides = facingSides(source, target);
  const start = handlePoint(source, sides.source);
  const end = handlePoint(target, sides.target);
  if (start.x === end.x || start.y === end.y) return [start, end];
  if (sides.source === "left" || sides.source === "right") {
    const middle = (start.x + end.x) / 2;
    return [start, { x: middle, y: start.y }, { x: middle, y: end.y }, end];
  }
  const middle = (start.y + end.y) / 2;
  return [start, { x: start.x, y: middle }, { x: end.x, y: middle }, end];
}

/** The design laid out in absolute coordinates. Linear in its size (each zone chain walk is bounded by nesting). */
export function designScene(design: Design): Scene {
  const zones = zoneIndex(design);
  const zoneRects = design.zones
    .map((zone, index) => ({ zone, index, depth: zoneDepth(zones, zone) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ zone }) => {
      const origin = zoneOrigin(zones, zone.id);
      return { zone, rect: { ...origin, ...zone.size } };
    });
  const components = design.components.map((component) => {
    const origin = zoneOrigin(zones, component.zoneId);
    return { component, rect: { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE } };
  });
  const rectById = new Map(components.map(({ component, rect }) => [component.id, rect]));
  const connections = design.connections.flatMap((connection) => {
    const source = rectById.get(connection.source);
    const target = rectById.get(connection.target);
    return source && target ? [{ connection, points: connectionRoute(source, target) }] : [];
  });
  return { zones: zoneRects, components, connections };
}
