import type { Design } from "@/lib/model";
import type { LayoutResult } from "../layout";
import { RECORD } from "../history";
import type { Command } from "./types";

/** Puts every item where a layout placed it; zones take their computed sizes. */
export function applyLayout(design: Design, layout: LayoutResult): Design {
  return {
    ...design,
    components: design.components.map((component) => {
      const position = layout.positions[component.id];
      return position ? { ...component, position } : component;
    }),
    zones: design.zones.map((zone) => {
      const position = layout.positions[zone.id] ?? zone.position;
      const size = layout.sizes[zone.id];
      return { ...zone, position, ...(size && size.width >= 40 && size.height >= 40 ? { size } : {}) };
    }),
  };
}

/** The whole auto-layout is one undo step. */
export function applyLayoutCommand(layout: LayoutResult): Command {
  return { label: "Auto-layout", undo: RECORD, run: (design) => ({ design: applyLayout(design, layout) }) };
}
