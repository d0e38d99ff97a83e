import { pngScale } from "@/lib/generators/picture/png-size";
import type { Picture } from "@/lib/generators/picture/svg";

/**
 * The picture as a PNG at 2× (less for drawings too large for a browser canvas): the browser draws the SVG
 * onto a canvas and encodes it. The SVG holds only shapes and text (no foreignObject, no external images), so
 * the canvas stays untainted and can be read back.
 */
export async function pictureToPng(picture: Picture): Promise<Blob> {
  const scale = pngScale(picture.width, picture.height);
  const url = URL.createObjectURL(new Blob([picture.svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser gave no 2D canvas to draw on");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas could not be encoded as PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
