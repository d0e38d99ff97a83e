import type { Connection, Design } from "@/lib/model";
import { routeEdges, type EdgeRoute } from "./edge-routing";
import { COMPONENT_SIZE, ZONE_PADDING, zoneIndex, zoneOrigin, zoneRect, type Size } from "./geometry";
import { connectionLabel } from "./labels";

/** The pill behind an edge label: its height, the room either side of the text, and the TLS lock's width. */
export const LABEL_PILL = { height: 18, padding: 7, lock: 11 } as const;

/** Width of a label's text at the canvas's 10.5-px label font, for where no font can be measured. */
export function estimatedTextWidth(text: string): number {
  return Math.ceil(text.length * 6.2);
}

export function labelPillSize(connection: Pick<Connection, "protocol" | "timeoutMs" | "label" | "tls">, textWidth: (text: string) => number = estimatedTextWidth): Size {
  const lock = connection.tls ? LABEL_PILL.lock : 0;
  return { width: Math.ceil(textWidth(connectionLabel(connection))) + lock + 2 * LABEL_PILL.padding, height: LABEL_PILL.height };
}

/**
 * Routes of every connection of a design for its cards where they are now: orthogonal lines around the cards
 * and label spots that cover no card, label or zone header (see routeEdges). `textWidth` measures label text; the canvas passes the
 * browser's measurement so the pills it draws are the ones that were placed.
 */
export function routeDesign(design: Design, textWidth: (text: string) => number = estimatedTextWidth): Map<string, EdgeRoute> {
  const zones = zoneIndex(design);
  const origins = new Map<string | undefined, { x: number; y: number }>();
  const originOf = (zoneId: string | undefined) => {
    let origin = origins.get(zoneId);
    if (!origin) {
      origin = zoneOrigin(zones, zoneId);
      origins.set(zoneId, origin);
    }
    return origin;
  };
  const cards = design.components.map((component) => {
    const origin = originOf(component.zoneId);
    return { id: component.id, rect: { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE } };
  });
  const edges = design.connections.map((connection) => ({ id: connection.id, source: connection.source, target: connection.target, label: labelPillSize(connection, textWidth) }));
  // Each zone's header band, so no label hides a zone's name.
  const headers = design.zones.map((zone) => ({ ...zoneRect(zones, zone), height: ZONE_PADDING.top }));
  return routeEdges(cards, edges, headers);
}
