"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { Icon } from "@/components/ui/Icon";
import styles from "./OutputsPanel.module.css";

interface View {
  x: number;
  y: number;
  scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const BUTTON_STEP = 1.25;
const FIT_MARGIN = 16;
/** A small diagram is fitted no larger than this: beyond it, labels look oversized next to the page's text. */
const MAX_FIT_SCALE = 1.25;
const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The diagram's own size, from its viewBox (mermaid sizes the SVG to 100 % of its box and caps it with max-width). */
function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/**
 * A rendered SVG that can be zoomed (wheel, buttons, + and - keys) and panned (drag, arrow keys), opened fitted
 * to its frame. The SVG is drawn at its natural size and moved with one CSS transform, so zooming never
 * re-renders the diagram.
 */
export function ZoomableDiagram({ svg, title }: { svg: string; title: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const size = useRef({ width: 1, height: 1 });
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const drag = useRef<{ startX: number; startY: number; from: View } | null>(null);
  // Until the person zooms or pans, the diagram stays fitted: widening the panel refits it.
  const moved = useRef(false);

  const fit = useCallback(() => {
    const box = frame.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const { width, height } = size.current;
    const scale = clampScale(Math.min((box.width - 2 * FIT_MARGIN) / width, (box.height - 2 * FIT_MARGIN) / height, MAX_FIT_SCALE));
    moved.current = false;
    setView({ scale, x: (box.width - width * scale) / 2, y: (box.height - height * scale) / 2 });
  }, []);

  useLayoutEffect(() => {
    const element = content.current?.querySelector("svg");
    if (!element) return;
    size.current = naturalSize(element);
    element.style.maxWidth = "none";
    element.setAttribute("width", String(size.current.width));
    element.setAttribute("height", String(size.current.height));
    fit();
  }, [svg, fit]);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (!moved.current) fit();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fit]);

  /** Zooms by `factor` keeping the diagram point under (px, py), in frame coordinates, where it is. */
  const zoomAt = useCallback((factor: number, px: number, py: number) => {
    moved.current = true;
    setView((current) => {
      const scale = clampScale(current.scale * factor);
      const ratio = scale / current.scale;
      return { scale, x: px - (px - current.x) * ratio, y: py - (py - current.y) * ratio };
    });
  }, []);

  const zoomAtCentre = (factor: number) => {
    const box = frame.current?.getBoundingClientRect();
    zoomAt(factor, (box?.width ?? 0) / 2, (box?.height ?? 0) / 2);
  };

  // React attaches wheel listeners as passive, and a passive listener cannot keep the page from scrolling.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)), event.clientX - box.left, event.clientY - box.top);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [zoomAt]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startY: event.clientY, from: view };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    moved.current = true;
    setView({ ...start.from, x: start.from.x + event.clientX - start.startX, y: start.from.y + event.clientY - start.startY });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pan: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    if (event.key === "+" || event.key === "=") zoomAtCentre(BUTTON_STEP);
    else if (event.key === "-") zoomAtCentre(1 / BUTTON_STEP);
    else if (event.key === "0") fit();
    else if (pan[event.key]) {
      moved.current = true;
      setView((current) => ({ ...current, x: current.x + pan[event.key][0], y: current.y + pan[event.key][1] }));
    } else return;
    event.preventDefault();
  };

  const percent = Math.round(view.scale * 100);
  return (
    <figure className={styles.diagramFigure} aria-label={title}>
      <div className={styles.zoomBar} role="toolbar" aria-label="Diagram zoom">
        <button type="button" className={styles.zoomButton} onClick={() => zoomAtCentre(1 / BUTTON_STEP)} aria-label="Zoom out" title="Zoom out (-)">
          <Icon name="minus" size={14} />
        </button>
        <output className={styles.zoomLevel} aria-label="Zoom level" data-testid="mermaid-zoom">
          {percent}%
        </output>
        <button type="button" className={styles.zoomButton} onClick={() => zoomAtCentre(BUTTON_STEP)} aria-label="Zoom in" title="Zoom in (+)">
          <Icon name="plus" size={14} />
        </button>
        <button type="button" className={styles.zoomButton} onClick={fit} aria-label="Fit diagram" title="Fit (0)">
          <Icon name="fit" size={14} />
        </button>
        <span className={styles.zoomHint}>Wheel to zoom, drag to pan</span>
      </div>
      <div
        ref={frame}
        className={styles.diagram}
        tabIndex={0}
        aria-label={`${title}: drag or use the arrow keys to pan, + and - to zoom, 0 to fit`}
        data-testid="mermaid-diagram"
        data-dragging={drag.current ? "true" : "false"}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      >
        <div
          ref={content}
          className={styles.diagramContent}
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
    </figure>
  );
}
