import { z } from "zod";
import { AnnotationSchema, ComponentSchema, ConnectionSchema, LIMITS, PositionSchema, type Annotation, type Component, type Connection, type Design } from "@/lib/model";
import { zoneIndex, zoneOrigin, type Point } from "./geometry";
import type { Selection } from "./selection";

const CLIPBOARD_FORMAT = "archway/clipboard";

/** Copied components with the connections among them, and notes; zone origins let a paste keep canvas positions when the zone is gone. */
export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  components: Component[];
  connections: Connection[];
  annotations: Annotation[];
  zoneOrigins: Record<string, Point>;
}

const ClipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  components: z.array(ComponentSchema).max(10_000),
  connections: z.array(ConnectionSchema).max(40_000),
  // Text copied before notes existed has no annotations.
  annotations: z.array(AnnotationSchema).max(LIMITS.annotations).default([]),
  zoneOrigins: z.record(z.string(), PositionSchema),
});

/** The selected components and notes plus every connection whose both ends are selected; null when neither is selected. */
export function copySelection(design: Design, selection: Selection): ClipboardPayload | null {
  const ids = new Set(selection.componentIds);
  const components = design.components.filter((component) => ids.has(component.id));
  const annotationIds = new Set(selection.annotationIds);
  const annotations = design.annotations.filter((annotation) => annotationIds.has(annotation.id));
  if (components.length === 0 && annotations.length === 0) return null;
  const connections = design.connections.filter((connection) => ids.has(connection.source) && ids.has(connection.target));
  const zones = zoneIndex(design);
  const zoneOrigins: Record<string, Point> = {};
  for (const item of [...components, ...annotations]) {
    if (item.zoneId !== undefined) zoneOrigins[item.zoneId] = zoneOrigin(zones, item.zoneId);
  }
  return { format: CLIPBOARD_FORMAT, components, connections, annotations, zoneOrigins };
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
