import { kindDefinition, type Layer } from "../catalog";
import type { ZoneKind } from "../catalog/zones";
import { COMPONENT_SIZE, zoneDepth, zoneIndex, zoneOrigin, zoneRect, type Rect } from "../designer/geometry";
import type { Design } from "../model";

/** Card colours by layer, so a thumbnail reads left to right as edge, traffic, compute, data. */
const LAYER_COLOURS: Record<Layer, { fill: string; stroke: string }> = {
  clients: { fill: "#e2e8f0", stroke: "#64748b" },
  edge: { fill: "#ffedd5", stroke: "#ea580c" },
  traffic: { fill: "#ede9fe", stroke: "#7c3aed" },
  compute: { fill: "#dbeafe", stroke: "#2563eb" },
  data: { fill: "#d1fae5", stroke: "#059669" },
  messaging: { fill: "#fef9c3", stroke: "#ca8a04" },
  operations: { fill: "#f3f4f6", stroke: "#4b5563" },
};

const ZONE_STROKES: Record<ZoneKind, { stroke: string; dashed: boolean }> = {
  region: { stroke: "#94a3b8", dashed: true },
  vpc: { stroke: "#0284c7", dashed: false },
  "availability-zone": { stroke: "#94a3b8", dashed: true },
  "public-subnet": { stroke: "#16a34a", dashed: false },
  "private-subnet": { stroke: "#2563eb", dashed: false },
  "k8s-namespace": { stroke: "#4f46e5", dashed: true },
};

/** Thumbnail size in CSS pixels; the drawing keeps its aspect ratio inside it. */
export const THUMBNAIL_SIZE = { width: 320, height: 180 } as const;

const MARGIN = 40;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function round(value: number): number {
  return Math.round(value);
}

function rectAttributes(rect: Rect): string {
  return `x="${round(rect.x)}" y="${round(rect.y)}" width="${round(rect.width)}" height="${round(rect.height)}"`;
}

/**
 * A schematic of a design as SVG: zones as outlines, components as cards coloured by layer, connections as
 * lines between card centres. No text is drawn apart from the accessible title, so it stays legible at any
 * size and needs no fonts. Pure and deterministic, so thumbnails are derived from the design, never stored.
 */
export function designThumbnail(design: Design): string {
  const zones = zoneIndex(design);
  const zoneRects = design.zones
    .map((zone) => ({ zone, rect: zoneRect(zones, zone), depth: zoneDepth(zones, zone) }))
    .sort((a, b) => a.depth - b.depth);
  const cards = new Map(
    design.components.map((component) => {
      const origin = zoneOrigin(zones, component.zoneId);
      return [component.id, { component, rect: { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE } }];
    }),
  );
  const rects = [...zoneRects.map((entry) => entry.rect), ...[...cards.values()].map((card) => card.rect)];
  const left = rects.length > 0 ? Math.min(...rects.map((rect) => rect.x)) - MARGIN : 0;
  const top = rects.length > 0 ? Math.min(...rects.map((rect) => rect.y)) - MARGIN : 0;
  const right = rects.length > 0 ? Math.max(...rects.map((rect) => rect.x + rect.width)) + MARGIN : THUMBNAIL_SIZE.width;
  const bottom = rects.length > 0 ? Math.max(...rects.map((rect) => rect.y + rect.height)) + MARGIN : THUMBNAIL_SIZE.height;

  const zoneShapes = zoneRects.map(({ zone, rect }) => {
    const style = ZONE_STROKES[zone.kind];
    const dash = style.dashed ? ` stroke-dasharray="16 10"` : "";
    return `<rect ${rectAttributes(rect)} rx="16" fill="${style.stroke}" fill-opacity="0.05" stroke="${style.stroke}" stroke-width="4"${dash}/>`;
  });
  const lines = design.connections.flatMap((connection) => {
    const source = cards.get(connection.source);
    const target = cards.get(connection.target);
    if (!source || !target) return [];
    const dash = connection.protocol === "async" ? ` stroke-dasharray="12 8"` : "";
    const x1 = round(source.rect.x + source.rect.width / 2);
    const y1 = round(source.rect.y + source.rect.height / 2);
    const x2 = round(target.rect.x + target.rect.width / 2);
    const y2 = round(target.rect.y + target.rect.height / 2);
    return [`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#94a3b8" stroke-width="4"${dash}/>`];
  });
  const cardShapes = [...cards.values()].map(({ component, rect }) => {
    const colour = LAYER_COLOURS[kindDefinition(component.kind).layer];
    return `<rect ${rectAttributes(rect)} rx="10" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="4"/>`;
  });

  const title = escapeXml(design.name);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_SIZE.width}" height="${THUMBNAIL_SIZE.height}" ` +
      `viewBox="${round(left)} ${round(top)} ${round(right - left)} ${round(bottom - top)}" preserveAspectRatio="xMidYMid meet" ` +
      `role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect x="${round(left)}" y="${round(top)}" width="${round(right - left)}" height="${round(bottom - top)}" fill="#ffffff"/>`,
    ...zoneShapes,
    ...lines,
    ...cardShapes,
    "</svg>",
    "",
  ].join("\n");
}
