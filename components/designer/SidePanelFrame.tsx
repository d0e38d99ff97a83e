"use client";

import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { browserStorage } from "@/lib/designer/canvas-preferences";
import { clampSideWidth, readSideWidth, SIDE_PANEL_WIDTH, writeSideWidth } from "@/lib/designer/side-panel-preferences";
import { Icon } from "@/components/ui/Icon";
import styles from "./Editor.module.css";

const KEY_STEP = 40;

/**
 * The editor's side area with a handle on its left edge to widen it (dragged or with the arrow keys; the width
 * is remembered in this browser) and a button that spreads it over the whole editor, so generated files can be
 * read at full width. Panels adapt to the width they get.
 */
export function SidePanelFrame({ children }: { children: ReactNode }) {
  const [width, setWidth] = useState<number>(SIDE_PANEL_WIDTH.default);
  const [wide, setWide] = useState(false);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  useEffect(() => setWidth(readSideWidth(browserStorage())), []);

  const commit = useCallback((next: number) => {
    const clamped = clampSideWidth(next);
    setWidth(clamped);
    writeSideWidth(browserStorage(), clamped);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setWidth(clampSideWidth(drag.current.startWidth + drag.current.startX - event.clientX));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    commit(drag.current.startWidth + drag.current.startX - event.clientX);
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowLeft" ? KEY_STEP : event.key === "ArrowRight" ? -KEY_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    commit(width + step);
  };

  return (
    <div className={styles.side} data-wide={wide ? "true" : "false"} style={{ "--side-width": `${width}px` } as CSSProperties}>
      {wide ? null : (
        <div
          className={styles.sideResizer}
          role="separator"
          aria-orientation="vertical"
          aria-label="Side panel width"
          aria-valuemin={SIDE_PANEL_WIDTH.min}
          aria-valuemax={SIDE_PANEL_WIDTH.max}
          aria-valuenow={width}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKeyDown}
        />
      )}
      <button
        type="button"
        className={styles.sideExpand}
        aria-pressed={wide}
        aria-label={wide ? "Back to the side" : "Full width"}
        title={wide ? "Back to the side" : "Full width"}
        onClick={() => setWide((current) => !current)}
      >
        <Icon name={wide ? "collapse" : "expand"} size={15} />
      </button>
      {children}
    </div>
  );
}
