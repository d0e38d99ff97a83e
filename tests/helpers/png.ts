import { PNG } from "pngjs";

export interface DecodedPng {
  width: number;
  height: number;
  /** [red, green, blue, alpha] at a pixel. */
  pixel(x: number, y: number): [number, number, number, number];
}

/** A PNG decoded by an independent decoder (pngjs), for checking pixels where a layout says they are. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const image = PNG.sync.read(Buffer.from(bytes));
  return {
    width: image.width,
    height: image.height,
    pixel(x, y) {
      const at = (Math.round(y) * image.width + Math.round(x)) * 4;
      return [image.data[at], image.data[at + 1], image.data[at + 2], image.data[at + 3]];
    },
  };
}

/** How far apart two colours are: the largest difference of a channel. */
export function colourDistance(a: readonly number[], hex: string): number {
  const b = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return Math.max(...b.map((channel, index) => Math.abs(channel - a[index])));
}

/** Pixels in the rectangle darker than `threshold` on every channel (text, icons, lines). */
export function darkPixels(image: DecodedPng, x: number, y: number, width: number, height: number, threshold = 120): number {
  let count = 0;
  for (let row = y; row < y + height; row += 1) for (let column = x; column < x + width; column += 1) if (image.pixel(column, row).slice(0, 3).every((channel) => channel < threshold)) count += 1;
  return count;
}
