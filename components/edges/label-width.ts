/** Edge labels are SVG text in this font; keep it in step with .text in ConnectionEdge.module.css. */
export const EDGE_LABEL_FONT = '500 10.5px ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/**
 * Width of a label's text, measured once per distinct text on a canvas (no layout, no DOM reads), so the pill
 * behind an SVG label fits it without a measuring pass per edge.
 */
export function labelTextWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  let width = text.length * 6;
  if (context) {
    context.font = EDGE_LABEL_FONT;
    width = context.measureText(text).width;
  }
  widths.set(text, width);
  return width;
}
