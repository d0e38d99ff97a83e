/** An icon from public/icons as data (see scripts/picture-icons.ts, which writes icon-data.ts). */
export interface IconData {
  viewBox: string;
  /** Presentation attributes of the icon's root (stroke, fill, stroke-width…), inherited by its shapes. */
  attributes: Record<string, string>;
  shapes: { tag: string; attributes: Record<string, string> }[];
}
