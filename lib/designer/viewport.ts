import type { Design } from "@/lib/model";
import { COMPONENT_SIZE, zoneIndex, zoneOrigin, zoneRect, type Point, type Rect, type Size } from "./geometry";

/** React Flow's viewport: a canvas point p is drawn at p * zoom + (x, y) on screen. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The lowest zoom a design opens at. Zoomed out, cards show only their icon and name in 15 px type (see the
 * card's level of detail); at this zoom that name is drawn 10.5 px tall, the smallest size that reads
 * comfortably. A design too big to fit at this zoom opens on its entry instead and the minimap shows the rest.
 */
export const READABLE_ZOOM = 0.7;

const MARGIN = 40;
const MAX_OPENING_ZOOM = 1.2;

/** The rectangle holding every card, zone and note, in canvas coordinates; undefined for an empty design. */
export function designBounds(design: Design): Rect | undefined {
  const zones = zoneIndex(design);
  const rects: Rect[] = [
    ...design.components.map((component) => ({ ...pointAdd(zoneOrigin(zones, component.zoneId), component.position), ...COMPONENT_SIZE })),
    ...design.zones.map((zone) => zoneRect(zones, zone)),
    ...design.annotations.map((annotation) => ({ ...pointAdd(zoneOrigin(zones, annotation.zoneId), annotation.position), ...annotation.size })),
  ];
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function pointAdd(a: Point, b: Point): Point {
  return { x: a.x + b.x, y: a.y + b.y };
}

/**
 * Where a request enters the design: the centre of the leftmost card nothing connects to (clients, DNS),
 * since diagrams read left to right; the leftmost card when every card has a caller.
 */
export function entryPoint(design: Design): Point | undefined {
  const zones = zoneIndex(design);
  const called = new Set(design.connections.map((connection) => connection.target));
  const candidates = design.components.filter((component) => !called.has(component.id));
  const pool = candidates.length > 0 ? candidates : design.components;
  const centres = pool.map((component) => {
    const at = pointAdd(zoneOrigin(zones, component.zoneId), component.position);
    return { x: at.x + COMPONENT_SIZE.width / 2, y: at.y + COMPONENT_SIZE.height / 2 };
  });
  return centres.sort((a, b) => a.x - b.x || a.y - b.y)[0];
}

/**
 * The viewport a design opens at in a canvas of `size`: the whole design when it fits at a readable zoom;
 * otherwise the readable zoom, with the diagram's left edge (where the request flow starts) at the left and
 * the entry card in view.
 */
export function openingViewport(design: Design, size: Size): Viewport {
  const bounds = designBounds(design);
  if (!bounds || size.width <= 0 || size.height <= 0) return { x: MARGIN, y: MARGIN, zoom: 1 };
  const room = { width: Math.max(1, size.width - 2 * MARGIN), height: Math.max(1, size.height - 2 * MARGIN) };
  const fit = Math.min(room.width / bounds.width, room.height / bounds.height, MAX_OPENING_ZOOM);
  if (fit >= READABLE_ZOOM) {
    return {
      x: (size.width - bounds.width * fit) / 2 - bounds.x * fit,
      y: (size.height - bounds.height * fit) / 2 - bounds.y * fit,
      zoom: fit,
    };
  }
  const zoom = READABLE_ZOOM;
  const entry = entryPoint(design) ?? { x: bounds.x, y: bounds.y + bounds.height / 2 };
  return { x: horizontalOffset(bounds, entry, size.width, zoom), y: verticalOffset(bounds, entry, size.height, zoom), zoom };
}

/** Left edge of the diagram at the margin, unless that leaves the entry off-screen; then the entry centred. */
function horizontalOffset(bounds: Rect, entry: Point, width: number, zoom: number): number {
  if (bounds.width * zoom <= width - 2 * MARGIN) return (width - bounds.width * zoom) / 2 - bounds.x * zoom;
  const leftAligned = MARGIN - bounds.x * zoom;
  if (entry.x * zoom + leftAligned <= width - MARGIN - (COMPONENT_SIZE.width / 2) * zoom) return leftAligned;
  return width / 2 - entry.x * zoom;
}

/** Centred when the diagram is short enough; else the entry centred, without showing space beyond either end. */
function verticalOffset(bounds: Rect, entry: Point, height: number, zoom: number): number {
  if (bounds.height * zoom <= height - 2 * MARGIN) return (height - bounds.height * zoom) / 2 - bounds.y * zoom;
  const centred = height / 2 - entry.y * zoom;
  const topAligned = MARGIN - bounds.y * zoom;
  const bottomAligned = height - MARGIN - (bounds.y + bounds.height) * zoom;
  return Math.max(bottomAligned, Math.min(topAligned, centred));
}

/**
 * Above this many components the canvas keeps only the cards and edges in view in the page: panning and dragging a
 * 1,000-component design then cost what the visible part costs (bench/canvas). Templates and everyday designs stay
 * far below it and keep every card in the page.
 */
export const RENDER_VISIBLE_ONLY_ABOVE = 300;
