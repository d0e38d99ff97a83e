/** The PNG is drawn at twice the canvas's size, sharp on high-density screens and in documents. */
export const PNG_SCALE = 2;
/** Browsers refuse canvases beyond about 16k pixels a side or 268 M pixels; the PNG stays well inside both. */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 64 * 1024 * 1024;

/** 2×, or less for a drawing so large that 2× would pass the limits above. */
export function pngScale(width: number, height: number): number {
  return Math.min(PNG_SCALE, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
}
