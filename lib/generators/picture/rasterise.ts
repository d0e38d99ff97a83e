import { initWasm, Resvg } from "@resvg/resvg-wasm";

/** What the rasteriser needs from its host: resvg's WebAssembly and the font files text is drawn with. */
export interface RasteriserAssets {
  wasm: BufferSource | WebAssembly.Module;
  fonts: Uint8Array[];
}

/** Raised when a PNG is asked for before the host prepared the rasteriser (see prepareRasteriser). */
export class RasteriserNotReadyError extends Error {}

let fonts: Uint8Array[] | undefined;
let preparing: Promise<void> | undefined;

/**
 * Starts resvg once per thread with the host's assets; later calls wait for the first. The core cannot read
 * files or fetch, so each host (the CLI, the server's worker threads, tests) hands the bytes over here.
 */
export function prepareRasteriser(load: () => Promise<RasteriserAssets>): Promise<void> {
  preparing ??= (async () => {
    const assets = await load();
    await initWasm(assets.wasm);
    fonts = assets.fonts;
  })().catch((error: unknown) => {
    preparing = undefined;
    throw error;
  });
  return preparing;
}

export function rasteriserReady(): boolean {
  return fonts !== undefined;
}

export interface RasterImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** The SVG drawn at `scale` × its own size on white, text in the host's fonts only (no system fonts, so every machine draws the same pixels). */
export function rasterise(svg: string, scale: number): RasterImage {
  if (!fonts) throw new RasteriserNotReadyError("The PNG rasteriser is not prepared in this thread: call prepareRasteriser first");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans", monospaceFamily: "DejaVu Sans Mono" },
  } as ConstructorParameters<typeof Resvg>[1]);
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
