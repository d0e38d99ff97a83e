"use client";

import { ViewportPortal } from "@xyflow/react";
import type { Guide } from "@/lib/designer/alignment-guides";
import styles from "./AlignmentGuides.module.css";

/** Guide lines drawn in canvas coordinates while a drag lines up with other items; 1 px wide at any zoom. */
export function AlignmentGuides({ guides }: { guides: readonly Guide[] }) {
  if (guides.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className={styles.guides} aria-hidden="true" data-testid="alignment-guides">
        {guides.map((guide) =>
          guide.axis === "x" ? (
            <line key={`x${guide.at}`} data-axis="x" data-at={guide.at} x1={guide.at} x2={guide.at} y1={guide.from} y2={guide.to} />
          ) : (
            <line key={`y${guide.at}`} data-axis="y" data-at={guide.at} x1={guide.from} x2={guide.to} y1={guide.at} y2={guide.at} />
          ),
        )}
      </svg>
    </ViewportPortal>
  );
}
