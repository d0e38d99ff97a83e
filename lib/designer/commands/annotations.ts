import {
  ANNOTATION_KINDS,
  ANNOTATION_LABELS,
  AnnotationSchema,
  DEFAULT_ANNOTATION_SIZE,
  newAnnotationId,
  type Annotation,
  type AnnotationKind,
  type Design,
} from "@/lib/model";
import { RECORD } from "../history";
import { innermostZoneAt, zoneIndex, zoneOrigin, type Point, type Rect } from "../geometry";
import { selectionOf } from "../selection";
import { growZonesToFit } from "./fit-zones";
import { refuse, type Command } from "./types";

export function isAnnotationKind(kind: string): kind is AnnotationKind {
  return (ANNOTATION_KINDS as readonly string[]).includes(kind);
}

/** What a new annotation says before anyone edits it: shapes start empty, notes and text invite typing. */
const STARTING_TEXT: Record<AnnotationKind, string> = { note: "Note", text: "Text", rectangle: "", ellipse: "" };

/** Adds an annotation centred on `center` (canvas coordinates), inside the innermost zone there. */
export function addAnnotationCommand(kind: AnnotationKind, center: Point): Command {
  return {
    label: `Add ${ANNOTATION_LABELS[kind]}`,
    undo: RECORD,
    run(design) {
      const size = DEFAULT_ANNOTATION_SIZE[kind];
      const zoneId = innermostZoneAt(design, center)?.id;
      const origin = zoneOrigin(zoneIndex(design), zoneId);
      const annotation: Annotation = {
        id: newAnnotationId(design, kind),
        kind,
        text: STARTING_TEXT[kind],
        ...(zoneId === undefined ? {} : { zoneId }),
        position: { x: Math.round(center.x - size.width / 2 - origin.x), y: Math.round(center.y - size.height / 2 - origin.y) },
        size,
      };
      const added = growZonesToFit({ ...design, annotations: [...design.annotations, annotation] }, zoneId);
      return { design: added, selection: selectionOf({ annotationIds: [annotation.id] }) };
    },
  };
}

/** Moves an annotation into `zoneId` (or the top level) without moving it on the canvas. */
export function reparentAnnotation(design: Design, annotationId: string, zoneId: string | undefined): Design {
  const zones = zoneIndex(design);
  return {
    ...design,
    annotations: design.annotations.map((annotation) => {
      if (annotation.id !== annotationId || annotation.zoneId === zoneId) return annotation;
      const from = zoneOrigin(zones, annotation.zoneId);
      const to = zoneOrigin(zones, zoneId);
      const { zoneId: _previous, ...rest } = annotation;
      const position = { x: annotation.position.x + from.x - to.x, y: annotation.position.y + from.y - to.y };
      return zoneId === undefined ? { ...rest, position } : { ...rest, zoneId, position };
    }),
  };
}

/** Changes an annotation's text or colour; text that the schema refuses (too long, unstorable) is refused. */
export function updateAnnotationCommand(id: string, patch: Partial<Pick<Annotation, "text" | "colour">>): Command {
  return {
    label: patch.text === undefined ? "Recolour note" : "Edit note",
    undo: RECORD,
    run(design) {
      const annotation = design.annotations.find((candidate) => candidate.id === id);
      if (!annotation) return refuse(design, `Note "${id}" no longer exists.`);
      const parsed = AnnotationSchema.safeParse({ ...annotation, ...patch });
      if (!parsed.success) return refuse(design, parsed.error.issues[0]?.message ?? "Invalid note");
      if (parsed.data.text === annotation.text && parsed.data.colour === annotation.colour) return refuse(design, "Nothing changed.");
      return { design: { ...design, annotations: design.annotations.map((item) => (item.id === id ? parsed.data : item)) } };
    },
  };
}

/** Resizes an annotation to `rect` (position relative to its zone); the zone around it grows if it now pokes out. */
export function resizeAnnotation(design: Design, id: string, rect: Rect): Design {
  const annotation = design.annotations.find((candidate) => candidate.id === id);
  if (!annotation) return design;
  const parsed = AnnotationSchema.safeParse({ ...annotation, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height } });
  if (!parsed.success) return design;
  const resized = { ...design, annotations: design.annotations.map((item) => (item.id === id ? parsed.data : item)) };
  return growZonesToFit(resized, annotation.zoneId);
}

export function resizeAnnotationCommand(id: string, rect: Rect): Command {
  return { label: "Resize note", undo: RECORD, run: (design) => ({ design: resizeAnnotation(design, id, rect) }) };
}
