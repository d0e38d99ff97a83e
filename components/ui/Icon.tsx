import type { SVGProps } from "react";

/** Small UI glyphs (not component kinds: those are files in public/icons). 16 px line icons. */
const PATHS = {
  undo: "M4 7h9a4 4 0 0 1 0 8H8M4 7l3-3M4 7l3 3",
  redo: "M16 7H7a4 4 0 0 0 0 8h5M16 7l-3-3M16 7l-3 3",
  layout: "M3 4h5v4H3zM12 3h5v4h-5zM12 13h5v4h-5zM8 6h2v9h2M10 5h2",
  fit: "M3 7V4a1 1 0 0 1 1-1h3M13 3h3a1 1 0 0 1 1 1v3M17 13v3a1 1 0 0 1-1 1h-3M7 17H4a1 1 0 0 1-1-1v-3",
  trash: "M4 6h12M8 6V4h4v2M6 6l.7 10a1 1 0 0 0 1 1h4.6a1 1 0 0 0 1-1L14 6",
  close: "M5 5l10 10M15 5 5 15",
  plus: "M10 4v12M4 10h12",
  back: "M12 4 6 10l6 6",
  search: "M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM13.5 13.5 17 17",
  arrow: "M4 10h12M12 6l4 4-4 4",
  expand: "M11 3h6v6M17 3l-6 6M9 17H3v-6M3 17l6-6",
  collapse: "M17 3l-6 6M11 5v4h4M3 17l6-6M9 15v-4H5",
  minus: "M4 10h12",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, ...rest }: { name: IconName; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...rest}>
      <path d={PATHS[name]} />
    </svg>
  );
}
