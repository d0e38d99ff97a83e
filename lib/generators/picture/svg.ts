import { kindDefinition, type Layer } from "@/lib/catalog";
import { ZONE_DEFINITIONS, type ZoneKind } from "@/lib/catalog/zones";
import type { Point, Rect, Size } from "@/lib/designer/geometry";
import { connectionLabel } from "@/lib/designer/labels";
import { componentSummary } from "@/lib/designer/summary";
import type { Component, Connection, Design, Zone } from "@/lib/model";
import { showBidiControls } from "../naming";
import { ICON_DATA } from "./icon-data";
import { placeLabels } from "./label-placement";
import { designScene } from "./scene";
import { element, formatNumber, serialise, text, type SvgElement } from "./svg-element";
import { textWidth, truncate, wrapLines } from "./text-fit";

/** Room around the drawing, in canvas pixels. */
export const PICTURE_MARGIN = 32;

/** The PNG's font comes first; browsers without it fall back to their sans-serif. */
export const PICTURE_FONT_FAMILY = "DejaVu Sans, Inter, ui-sans-serif, system-ui, Arial, sans-serif";

export const PICTURE_COLOURS = {
  background: "#ffffff",
  cardFill: "#ffffff",
  cardBorder: "#d5dae2",
  text: "#1d2330",
  muted: "#5b6577",
  edge: "#9aa4b5",
  pillBorder: "#e3e7ed",
  lock: "#1f8a4c",
} as const;

/** The canvas's layer colours (app/globals.css --layer-*), tinting each card's icon tile. */
const LAYER_COLOURS: Record<Layer, string> = {
  clients: "#64748b",
  edge: "#c2410c",
  traffic: "#7c3aed",
  compute: "#2563eb",
  data: "#0f766e",
  messaging: "#b45309",
  operations: "#475569",
};

/** The canvas's zone frames (components/nodes/ZoneNode.module.css). */
const ZONE_STYLES: Record<ZoneKind, { stroke: string; dashed: boolean; fill: string; fillOpacity: number }> = {
  region: { stroke: "#8a94a6", dashed: true, fill: "#8a94a6", fillOpacity: 0.03 },
  vpc: { stroke: "#2f9e5b", dashed: false, fill: "#2f9e5b", fillOpacity: 0.04 },
  "availability-zone": { stroke: "#3b82f6", dashed: true, fill: "#3b82f6", fillOpacity: 0 },
  "public-subnet": { stroke: "#2f9e5b", dashed: false, fill: "#2f9e5b", fillOpacity: 0.06 },
  "private-subnet": { stroke: "#3b82f6", dashed: false, fill: "#3b82f6", fillOpacity: 0.06 },
  "k8s-namespace": { stroke: "#7c3aed", dashed: true, fill: "#7c3aed", fillOpacity: 0.04 },
};

const CARD = { radius: 10, tile: 36, tileX: 8, icon: 22, textX: 54, paddingRight: 12, nameSize: 13, nameLine: 15.6, kindSize: 11.5, kindLine: 14.4 } as const;
const ZONE_HEADER = { x: 10, y: 8, height: 22, padding: 8, gap: 6, icon: 14, nameSize: 12, metaSize: 11 } as const;
const EDGE_LABEL = { height: 18, padding: 7, lock: 11, fontSize: 10.5 } as const;
const ARROW_ID = "arrow";

/**
 * User text as the picture shows it: bidirectional controls made visible, and line breaks, tabs and other
 * control characters as single spaces (a card line, label or title is one line of text).
 */
export function displayText(value: string): string {
  return showBidiControls(value).replace(/[\s\p{Cc}]+/gu, " ").trim();
}

/** `share` of `colour` over white, as the canvas's `color-mix(in srgb, colour 10%, white)` for a share of 0.1. */
function tint(colour: string, share: number): string {
  const channels = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
  return `#${channels.map((channel) => Math.round(channel * share + 255 * (1 - share)).toString(16).padStart(2, "0")).join("")}`;
}

function iconId(kind: string): string {
  return `icon-${kind}`;
}

/** Kinds are catalogue names, never user text, but only those with a drawn icon get a symbol. */
function iconSymbol(kind: string): SvgElement | undefined {
  const icon = ICON_DATA[kind];
  if (!icon) return undefined;
  return element(
    "symbol",
    { id: iconId(kind), viewBox: icon.viewBox, ...icon.attributes },
    icon.shapes.map((shape) => element(shape.tag, shape.attributes)),
  );
}

function useIcon(kind: string, x: number, y: number, size: number): SvgElement[] {
  return ICON_DATA[kind] ? [element("use", { href: `#${iconId(kind)}`, x, y, width: size, height: size })] : [];
}

/** What a zone's header says and how wide it is: the name gives way to the address, both end in an ellipsis. */
function zoneHeader(zone: Zone, rect: Rect): { name: string; nameWidth: number; address: string; width: number } {
  const room = rect.width - 2 * ZONE_HEADER.x - 2 * ZONE_HEADER.padding - ZONE_HEADER.icon - ZONE_HEADER.gap;
  const code = zone.cidr ?? zone.code;
  const address = code ? truncate(code, Math.max(0, room / 2), ZONE_HEADER.metaSize) : "";
  const addressWidth = address ? textWidth(address, ZONE_HEADER.metaSize) + ZONE_HEADER.gap : 0;
  const name = truncate(displayText(zone.name), Math.max(3 * ZONE_HEADER.nameSize, room - addressWidth), ZONE_HEADER.nameSize);
  const nameWidth = textWidth(name, ZONE_HEADER.nameSize);
  const width = Math.min(rect.width - 2 * ZONE_HEADER.x, 2 * ZONE_HEADER.padding + nameWidth + ZONE_HEADER.gap + ZONE_HEADER.icon + addressWidth);
  return { name, nameWidth, address, width };
}

/** Where a zone's header sits on the canvas; edge labels keep off it as they keep off cards. */
function zoneHeaderRect(zone: Zone, rect: Rect): Rect {
  return { x: rect.x + ZONE_HEADER.x, y: rect.y + ZONE_HEADER.y, width: zoneHeader(zone, rect).width, height: ZONE_HEADER.height };
}

function drawZone(zone: Zone, rect: Rect): SvgElement {
  const style = ZONE_STYLES[zone.kind];
  const { name, nameWidth, address, width: headerWidth } = zoneHeader(zone, rect);
  const baseline = ZONE_HEADER.y + ZONE_HEADER.height / 2 + ZONE_HEADER.nameSize * 0.35;
  const iconX = ZONE_HEADER.x + ZONE_HEADER.padding + nameWidth + ZONE_HEADER.gap;
  return element("g", { "data-zone": zone.id, transform: `translate(${rect.x} ${rect.y})` }, [
    element("title", {}, [text(`${displayText(zone.name)} (${ZONE_DEFINITIONS[zone.kind].label})`)]),
    element("rect", {
      width: rect.width,
      height: rect.height,
      rx: 12,
      fill: style.fill,
      "fill-opacity": style.fillOpacity,
      stroke: style.stroke,
      "stroke-width": 1.5,
      "stroke-dasharray": style.dashed ? "6 4" : undefined,
    }),
    element("rect", { x: ZONE_HEADER.x, y: ZONE_HEADER.y, width: headerWidth, height: ZONE_HEADER.height, rx: 6, fill: "#ffffff", "fill-opacity": 0.88, stroke: style.stroke, "stroke-opacity": 0.3 }),
    element("text", { x: ZONE_HEADER.x + ZONE_HEADER.padding, y: baseline, "font-size": ZONE_HEADER.nameSize, "font-weight": 700, fill: PICTURE_COLOURS.text }, [text(name)]),
    ...useIcon(zone.kind, iconX, ZONE_HEADER.y + (ZONE_HEADER.height - ZONE_HEADER.icon) / 2, ZONE_HEADER.icon),
    ...(address
      ? [element("text", { x: iconX + ZONE_HEADER.icon + ZONE_HEADER.gap, y: baseline, "font-size": ZONE_HEADER.metaSize, "font-family": "DejaVu Sans Mono, ui-monospace, monospace", fill: PICTURE_COLOURS.muted }, [text(address)])]
      : []),
  ]);
}

function drawComponent(component: Component, rect: Rect): SvgElement {
  const definition = kindDefinition(component.kind);
  const textWidthAvailable = rect.width - CARD.textX - CARD.paddingRight;
  const name = displayText(component.name);
  const nameLines = wrapLines(name, textWidthAvailable, CARD.nameSize, 2);
  const detail = truncate(displayText(component.name === definition.label ? componentSummary(component) : definition.label), textWidthAvailable, CARD.kindSize);
  const blockHeight = nameLines.length * CARD.nameLine + 1 + CARD.kindLine;
  const top = (rect.height - blockHeight) / 2;
  const tileY = (rect.height - CARD.tile) / 2;
  return element("g", { "data-component": component.id, transform: `translate(${rect.x} ${rect.y})` }, [
    element("title", {}, [text(`${name} (${definition.label})`)]),
    element("rect", { x: 0.5, y: 0.5, width: rect.width - 1, height: rect.height - 1, rx: CARD.radius, fill: PICTURE_COLOURS.cardFill, stroke: PICTURE_COLOURS.cardBorder }),
    element("rect", { x: CARD.tileX, y: tileY, width: CARD.tile, height: CARD.tile, rx: 8, fill: tint(LAYER_COLOURS[definition.layer], 0.1) }),
    ...useIcon(component.kind, CARD.tileX + (CARD.tile - CARD.icon) / 2, tileY + (CARD.tile - CARD.icon) / 2, CARD.icon),
    element(
      "text",
      { x: CARD.textX, y: top + CARD.nameSize, "font-size": CARD.nameSize, "font-weight": 700, fill: PICTURE_COLOURS.text, "data-name": "true" },
      nameLines.map((line, index) => element("tspan", { x: CARD.textX, dy: index === 0 ? 0 : CARD.nameLine }, [text(line)])),
    ),
    element("text", { x: CARD.textX, y: top + nameLines.length * CARD.nameLine + 1 + CARD.kindSize, "font-size": CARD.kindSize, fill: PICTURE_COLOURS.muted }, [text(detail)]),
  ]);
}

/** Corner radius of a route's bends, as the canvas's smooth-step edges draw them. */
const BEND_RADIUS = 10;

/**
 * A polyline through `points` with each bend rounded by a quadratic curve (the radius shrinks to fit short
 * segments), like the canvas's edges.
 */
function pathData(points: readonly Point[]): string {
  const parts = [`M${formatPoint(points[0])}`];
  for (let index = 1; index < points.length - 1; index += 1) {
    const [before, corner, after] = [points[index - 1], points[index], points[index + 1]];
    const radius = Math.min(BEND_RADIUS, distance(before, corner) / 2, distance(corner, after) / 2);
    parts.push(`L${formatPoint(towards(corner, before, radius))}`, `Q${formatPoint(corner)} ${formatPoint(towards(corner, after, radius))}`);
  }
  if (points.length > 1) parts.push(`L${formatPoint(points[points.length - 1])}`);
  return parts.join(" ");
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `length` from `from` on the way to `to`. */
function towards(from: Point, to: Point, length: number): Point {
  const whole = distance(from, to);
  return whole === 0 ? from : { x: from.x + ((to.x - from.x) * length) / whole, y: from.y + ((to.y - from.y) * length) / whole };
}

function formatPoint(point: Point): string {
  return `${formatNumber(point.x)} ${formatNumber(point.y)}`;
}

/** A connection's line along `points`, dashed when asynchronous, with an arrowhead at the target. */
function drawConnection(connection: Connection, points: readonly Point[]): SvgElement {
  return element("path", {
    "data-connection": connection.id,
    d: pathData(points),
    fill: "none",
    stroke: PICTURE_COLOURS.edge,
    "stroke-width": 1.5,
    "stroke-dasharray": connection.protocol === "async" ? "5 4" : undefined,
    "marker-end": `url(#${ARROW_ID})`,
  });
}

/** The label's text and the size of its pill. */
function edgeLabelSize(connection: Connection): { label: string; size: Size } {
  const label = displayText(connectionLabel(connection));
  const width = Math.ceil(textWidth(label, EDGE_LABEL.fontSize)) + (connection.tls ? EDGE_LABEL.lock : 0) + 2 * EDGE_LABEL.padding;
  return { label, size: { width, height: EDGE_LABEL.height } };
}

function drawEdgeLabel(connection: Connection, box: { label: string; rect: Rect }): SvgElement {
  const lock = connection.tls ? EDGE_LABEL.lock : 0;
  return element("g", { "data-edge-label": connection.id, transform: `translate(${box.rect.x} ${box.rect.y})` }, [
    element("rect", { width: box.rect.width, height: EDGE_LABEL.height, rx: EDGE_LABEL.height / 2, fill: "#ffffff", "fill-opacity": 0.94, stroke: PICTURE_COLOURS.pillBorder }),
    ...(connection.tls
      ? [
          element("path", {
            transform: `translate(${EDGE_LABEL.padding} 4.5)`,
            fill: PICTURE_COLOURS.lock,
            d: "M1.2 4h5.6a.8.8 0 0 1 .8.8v3.6a.8.8 0 0 1-.8.8H1.2a.8.8 0 0 1-.8-.8V4.8a.8.8 0 0 1 .8-.8zm1.1 0V2.7a1.7 1.7 0 0 1 3.4 0V4h-1V2.7a.7.7 0 0 0-1.4 0V4z",
          }),
        ]
      : []),
    element("text", { x: EDGE_LABEL.padding + lock, y: EDGE_LABEL.height / 2 + EDGE_LABEL.fontSize * 0.35, "font-size": EDGE_LABEL.fontSize, "font-weight": 500, fill: PICTURE_COLOURS.muted }, [text(box.label)]),
  ]);
}

function arrowMarker(): SvgElement {
  return element("marker", { id: ARROW_ID, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto" }, [
    element("path", { d: "M0 0 L10 5 L0 10 z", fill: PICTURE_COLOURS.edge }),
  ]);
}

/** The smallest rectangle around every rect (an empty drawing is a point at the origin). */
function boundsOf(rects: Iterable<Rect>): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rect of rects) {
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.width);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  return minX === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export interface Picture {
  svg: string;
  /** Size of the picture in CSS pixels (the canvas at 100 %). */
  width: number;
  height: number;
}

/**
 * The design as a standalone SVG document of vector shapes: zones with their headers, component cards with
 * icon, name (two lines, then an ellipsis) and kind, every connection with its arrowhead and label, cropped to
 * the drawing with a margin. Linear in the design's size.
 */
export function designPicture(design: Design): Picture {
  const scene = designScene(design);
  const texts = scene.connections.map(({ connection, points }) => ({ connection, points, ...edgeLabelSize(connection) }));
  const spots = placeLabels(texts, [...scene.components.map(({ rect }) => rect), ...scene.zones.map(({ zone, rect }) => zoneHeaderRect(zone, rect))]);
  const labels = texts.map(({ connection, label }, index) => ({ connection, box: { label, rect: spots[index] } }));
  const bounds = boundsOf(
    (function* () {
      for (const { rect } of scene.zones) yield rect;
      for (const { rect } of scene.components) yield rect;
      for (const { box } of labels) yield box.rect;
    })(),
  );
  const x = Math.floor(bounds.x - PICTURE_MARGIN);
  const y = Math.floor(bounds.y - PICTURE_MARGIN);
  const width = Math.ceil(bounds.x + bounds.width + PICTURE_MARGIN) - x;
  const height = Math.ceil(bounds.y + bounds.height + PICTURE_MARGIN) - y;
  const kinds = [...new Set([...scene.zones.map(({ zone }) => zone.kind as string), ...scene.components.map(({ component }) => component.kind as string)])].sort();
  const root = element(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `${x} ${y} ${width} ${height}`,
      width,
      height,
      "font-family": PICTURE_FONT_FAMILY,
    },
    [
      element("title", {}, [text(displayText(design.name))]),
      element("defs", {}, [arrowMarker(), ...kinds.flatMap((kind) => iconSymbol(kind) ?? [])]),
      element("rect", { x, y, width, height, fill: PICTURE_COLOURS.background }),
      element("g", { "data-layer": "zones" }, scene.zones.map(({ zone, rect }) => drawZone(zone, rect))),
      element("g", { "data-layer": "connections" }, scene.connections.map(({ connection, points }) => drawConnection(connection, points))),
      element("g", { "data-layer": "components" }, scene.components.map(({ component, rect }) => drawComponent(component, rect))),
      element("g", { "data-layer": "edge-labels" }, labels.map(({ connection, box }) => drawEdgeLabel(connection, box))),
    ],
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`, width, height };
}
