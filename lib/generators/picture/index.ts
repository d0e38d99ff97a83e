import type { Design } from "@/lib/model";
import { bytesToBase64 } from "../file-contents";
import { projectSlug } from "../naming";
import type { Generator } from "../types";
import { rasterise } from "./rasterise";
import { designPicture } from "./svg";

/** The PNG is drawn at twice the canvas's size, sharp on high-density screens and in documents. */
export const PNG_SCALE = 2;
/** Browsers refuse canvases beyond about 16k pixels a side or 268 M pixels; the PNG stays well inside both. */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 64 * 1024 * 1024;

/** 2×, or less for a drawing so large that 2× would pass the limits above. */
export function pngScale(width: number, height: number): number {
  return Math.min(PNG_SCALE, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
}

function pictureName(design: Design, extension: "svg" | "png"): string {
  return `${projectSlug(design.name)}.${extension}`;
}

export const svgGenerator: Generator = {
  target: "svg",
  label: "Picture (SVG)",
  generate: (design) => [{ path: pictureName(design, "svg"), contents: designPicture(design).svg }],
};

/** Needs the rasteriser prepared in this thread (lib/generators/picture/rasterise.ts prepareRasteriser). */
export const pngGenerator: Generator = {
  target: "png",
  label: "Picture (PNG)",
  generate: (design) => {
    const picture = designPicture(design);
    const image = rasterise(picture.svg, pngScale(picture.width, picture.height));
    return [{ path: pictureName(design, "png"), contents: bytesToBase64(image.png), encoding: "base64" }];
  },
};
