import type { Design } from "@/lib/model";
import { bytesToBase64 } from "../file-contents";
import { projectSlug } from "../naming";
import type { Generator } from "../types";
import { pngScale } from "./png-size";
import { rasterise } from "./rasterise";
import { designPicture } from "./svg";

function pictureName(design: Design, extension: "svg" | "png"): string {
  return `${projectSlug(design.name)}.${extension}`;
}

export const svgGenerator: Generator = {
  target: "svg",
  generate: (design) => [{ path: pictureName(design, "svg"), contents: designPicture(design).svg }],
};

/** Needs the rasteriser prepared in this thread (lib/generators/picture/rasterise.ts prepareRasteriser). */
export const pngGenerator: Generator = {
  target: "png",
  generate: (design) => {
    const picture = designPicture(design);
    const image = rasterise(picture.svg, pngScale(picture.width, picture.height));
    return [{ path: pictureName(design, "png"), contents: bytesToBase64(image.png), encoding: "base64" }];
  },
};
