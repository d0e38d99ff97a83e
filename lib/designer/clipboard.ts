import { z } from "zod";
import { ComponentSchema, ConnectionSchema, PositionSchema, type Component, type Connection, type Design } from "@/lib/model";
import { zoneIndex, zoneOrigin, type Point } from "./geometry";
import type { Selection } from "./selection";

const CLIPBOARD_FORMAT = "archway/clipboard";

/** Copied components with the connections among them; zone origins let a paste keep canvas positions when the zone is gone. */
export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  components: Component[];
  connections: Connection[];
  zoneOrigins: Record<string, Point>;
}

const ClipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  components: z.array(ComponentSchema).max(10_000),
  connections: z.array(ConnectionSchema).max(40_000),
  zoneOrigins: z.record(z.string(), PositionSchema),
});

/** The selected components plus every connection whose both ends are selected; null when no component is selected. */
export function copySelection(design: Design, selection: Selection): ClipboardPayload | null {
  const ids = new Set(selection.componentIds);
  const components = design.components.filter((component) => ids.has(component.id));
  if (components.length === 0) return null;
  const connections = design.connections.filter((connection) => ids.has(connection.source) && ids.has(connection.target));
  const zones = zoneIndex(design);
  const zoneOrigins: Record<string, Point> = {};
  for (const component of components) {
    if (component.zoneId !== undefined) zoneOrigins[component.zoneId] = zoneOrigin(zones, component.zoneId);
  }
  return { format: CLIPBOARD_FORMAT, components, connections, zoneOrigins };
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** Reads a payload back from clipboard text; anything else (plain text, a foreign format, bad data) gives null. */
export function parseClipboard(text: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ClipboardSchema.safeParse(value);
  return parsed.success ? (parsed.data as ClipboardPayload) : null;
}
