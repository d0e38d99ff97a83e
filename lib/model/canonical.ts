import type { Design } from "./design";
import { minimizeDesign } from "./minimize";

/**
 * The canonical text of a design file: the minimal document (defaults left out, as it is stored), keys in the
 * schema's order with schemaVersion first, arrays in document order (the editor appends new items and never
 * reshuffles), two-space indentation so each component, connection and zone is its own block, and a final newline.
 * The same design always gives the same text, so a design kept in Git changes by the lines that changed.
 * `archway fmt` writes it and the editor's "Save file" downloads it.
 */
export function canonicalDesignText(design: Design): string {
  const { schemaVersion, ...rest } = minimizeDesign(design);
  return `${JSON.stringify({ schemaVersion, ...rest }, null, 2)}\n`;
}
