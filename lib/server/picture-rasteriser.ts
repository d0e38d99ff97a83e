import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { prepareRasteriser } from "@/lib/generators/picture/rasterise";

/** The fonts every PNG is drawn with: DejaVu from its npm package, so no machine's own fonts change a picture. */
const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", "dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf"];

/**
 * Prepares the PNG rasteriser in this Node thread from the installed npm packages (resvg's WebAssembly and the
 * DejaVu fonts), resolved from `caller` (the calling module's file name or URL), so the CLI works from any
 * folder. The caller says where it is because the job pool's worker is bundled as CommonJS (`__filename`) and
 * the CLI as an ES module (`import.meta.url`), and neither form exists in the other.
 */
export function prepareNodeRasteriser(caller: string): Promise<void> {
  return prepareRasteriser(async () => {
    const require = createRequire(caller);
    const [wasm, ...fonts] = await Promise.all(["@resvg/resvg-wasm/index_bg.wasm", ...FONT_FILES].map((file) => readFile(require.resolve(file))));
    return { wasm, fonts };
  });
}
