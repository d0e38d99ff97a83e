import { newAnnotationId, newComponentId, newConnectionId, type Annotation, type Component, type Connection, type Design } from "@/lib/model";
import type { ClipboardPayload } from "../clipboard";
import { RECORD } from "../history";
import { COMPONENT_SIZE, zoneIndex, zoneOrigin } from "../geometry";
import { clearShift } from "../placement";
import { selectionOf } from "../selection";
import { growZonesToFit } from "./fit-zones";
import type { Command } from "./types";

export const PASTE_OFFSET = 40;

function uniqueName(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  const base = name.replace(/ \d+$/, "");
  for (let n = 2; ; n += 1) {
    const candidate = `${base} ${n}`.slice(0, 200);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Pastes copied components and their connections with new ids and names, `offset` pixels down and right,
 * then moved together to the nearest place where no pasted card touches a card already there.
 * A component stays in its zone if that zone still exists, otherwise it lands at the same canvas spot.
 */
export function pasteItems(
  design: Design,
  payload: ClipboardPayload,
  offset: number,
): { design: Design; componentIds: string[]; connectionIds: string[]; annotationIds: string[] } {
  let result = design;
  const names = new Set(design.components.map((component) => component.name));
  const zoneIds = new Set(design.zones.map((zone) => zone.id));
  const idMap = new Map<string, string>();
  const pasted: Component[] = [];
  for (const original of payload.components) {
    const id = newComponentId(result, original.kind);
    idMap.set(original.id, id);
    const name = uniqueName(names, original.name);
    names.add(name);
    const keepsZone = original.zoneId !== undefined && zoneIds.has(original.zoneId);
    const origin = original.zoneId !== undefined && !keepsZone ? (payload.zoneOrigins[original.zoneId] ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
    // A pasted copy is one card: the zones the original also runs in are its own placements, not the copy's.
    const { zoneId: _copiedZone, alsoIn: _placements, ...rest } = original;
    const component = {
      ...rest,
      id,
      name,
      position: { x: original.position.x + origin.x + offset, y: original.position.y + origin.y + offset },
      ...(keepsZone ? { zoneId: original.zoneId } : {}),
    } as Component;
    pasted.push(component);
    result = { ...result, components: [...result.components, component] };
  }
  const connections: Connection[] = [];
  for (const original of payload.connections) {
    const source = idMap.get(original.source);
    const target = idMap.get(original.target);
    if (source === undefined || target === undefined) continue;
    const connection = { ...original, id: newConnectionId(result), source, target };
    connections.push(connection);
    result = { ...result, connections: [...result.connections, connection] };
  }
  const pastedAnnotations: Annotation[] = [];
  for (const original of payload.annotations) {
    const keepsZone = original.zoneId !== undefined && zoneIds.has(original.zoneId);
    const origin = original.zoneId !== undefined && !keepsZone ? (payload.zoneOrigins[original.zoneId] ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
    const { zoneId: _copiedZone, ...rest } = original;
    const annotation: Annotation = {
      ...rest,
      id: newAnnotationId(result, original.kind),
      position: { x: original.position.x + origin.x + offset, y: original.position.y + origin.y + offset },
      ...(keepsZone ? { zoneId: original.zoneId } : {}),
    };
    pastedAnnotations.push(annotation);
    result = { ...result, annotations: [...result.annotations, annotation] };
  }
  result = shiftClear(result, pasted, pastedAnnotations);
  for (const zoneId of new Set([...pasted, ...pastedAnnotations].map((item) => item.zoneId))) result = growZonesToFit(result, zoneId);
  return {
    design: result,
    componentIds: pasted.map((component) => component.id),
    connectionIds: connections.map((connection) => connection.id),
    annotationIds: pastedAnnotations.map((annotation) => annotation.id),
  };
}

/** Moves the just-pasted cards (and the notes pasted with them), as one group, off any card that was there before the paste. */
function shiftClear(design: Design, pasted: readonly Component[], pastedAnnotations: readonly Annotation[]): Design {
  const zones = zoneIndex(design);
  const ids = new Set(pasted.map((component) => component.id));
  const cards = pasted.map((component) => {
    const origin = zoneOrigin(zones, component.zoneId);
    return { rect: { x: origin.x + component.position.x, y: origin.y + component.position.y, ...COMPONENT_SIZE }, zoneId: component.zoneId };
  });
  const by = clearShift(design, cards, ids);
  if (by.x === 0 && by.y === 0) return design;
  const annotationIds = new Set(pastedAnnotations.map((annotation) => annotation.id));
  return {
    ...design,
    components: design.components.map((component) =>
      ids.has(component.id) ? { ...component, position: { x: component.position.x + by.x, y: component.position.y + by.y } } : component,
    ),
    annotations: design.annotations.map((annotation) =>
      annotationIds.has(annotation.id) ? { ...annotation, position: { x: annotation.position.x + by.x, y: annotation.position.y + by.y } } : annotation,
    ),
  };
}

export function pasteCommand(payload: ClipboardPayload, offset: number = PASTE_OFFSET): Command {
  return {
    label: "Paste",
    undo: RECORD,
    run(design) {
      const { design: next, componentIds, connectionIds, annotationIds } = pasteItems(design, payload, offset);
      return { design: next, selection: selectionOf({ componentIds, connectionIds, annotationIds }) };
    },
  };
}
