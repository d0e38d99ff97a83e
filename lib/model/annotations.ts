import { z } from "zod";
import { IdSchema } from "./ids";

/**
 * Notes and simple shapes drawn during a design session. They are part of the design file and reach the
 * exported docs, but they are not architecture: rules, the simulation and the code generators ignore them.
 * This module imports nothing from design.ts (which embeds it), so the schemas it needs are its own.
 */

export const ANNOTATION_KINDS = ["note", "text", "rectangle", "ellipse"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A small palette, so notes stay readable on the canvas and in pictures whatever is picked. */
export const ANNOTATION_COLOURS = ["yellow", "blue", "green", "pink", "grey"] as const;
export type AnnotationColour = (typeof ANNOTATION_COLOURS)[number];

/** Enough for a long design session; the largest design (every limit reached) must still fit one 5 MB request. */
export const ANNOTATION_LIMITS = { count: 1_000, textLength: 2_000 } as const;

/** Stored in TEXT columns like names: PostgreSQL cannot store NUL, and drivers do not keep unpaired surrogates. */
const UNSTORABLE_TEXT = /\u0000|\p{Surrogate}/u;

const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000);
const Extent = z.number().finite().min(20).max(100_000);

export const AnnotationSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(ANNOTATION_KINDS).describe("A sticky note, free text, a rectangle or an ellipse."),
    text: z
      .string()
      .max(ANNOTATION_LIMITS.textLength, `A note is at most ${ANNOTATION_LIMITS.textLength} characters`)
      .refine((text) => !UNSTORABLE_TEXT.test(text), "A note cannot contain NUL characters or unpaired surrogates")
      .default("")
      .describe("Free text, several lines allowed; generators escape it."),
    zoneId: IdSchema.optional().describe("Zone the annotation is placed in."),
    position: z.object({ x: Coordinate, y: Coordinate }).describe("Canvas position, relative to the parent zone if any."),
    size: z.object({ width: Extent, height: Extent }).describe("Size on the canvas."),
    colour: z.enum(ANNOTATION_COLOURS).optional().describe("Fill colour from the palette; each kind has its own default."),
  })
  .describe("A note or shape on the canvas, for the people reading the design.");

export type Annotation = z.infer<typeof AnnotationSchema>;

/** Size of a freshly placed annotation of each kind. */
export const DEFAULT_ANNOTATION_SIZE: Record<AnnotationKind, { width: number; height: number }> = {
  note: { width: 200, height: 120 },
  text: { width: 220, height: 40 },
  rectangle: { width: 240, height: 160 },
  ellipse: { width: 200, height: 140 },
};

export const ANNOTATION_LABELS: Record<AnnotationKind, string> = { note: "Note", text: "Text", rectangle: "Rectangle", ellipse: "Ellipse" };
