import type { Rect } from "./geometry";

export type GuideAxis = "x" | "y";

/**
 * A guide line to draw: on axis "x" a vertical line at x = `at` running from `from` to `to` in y;
 * on axis "y" a horizontal line at y = `at` running from `from` to `to` in x.
 */
export interface Guide {
  axis: GuideAxis;
  at: number;
  from: number;
  to: number;
}

interface Line {
  value: number;
  rect: Rect;
}

/** The edges and centre lines of the items a drag can line up with, sorted once when the drag starts. */
export interface AlignmentIndex {
  x: readonly Line[];
  y: readonly Line[];
}

export interface GuideSnap {
  dx: number;
  dy: number;
  guides: Guide[];
}

const SAME_LINE = 0.5;

/** Left, centre, right (axis x) or top, middle, bottom (axis y) of a rectangle. */
function linesOf(rect: Rect, axis: GuideAxis): [number, number, number] {
  return axis === "x" ? [rect.x, rect.x + rect.width / 2, rect.x + rect.width] : [rect.y, rect.y + rect.height / 2, rect.y + rect.height];
}

export function indexAlignment(rects: readonly Rect[]): AlignmentIndex {
  const lines = (axis: GuideAxis) => rects.flatMap((rect) => linesOf(rect, axis).map((value) => ({ value, rect }))).sort((a, b) => a.value - b.value);
  return { x: lines("x"), y: lines("y") };
}

/** Index of the first line whose value is ≥ `value` (binary search). */
function lowerBound(lines: readonly Line[], value: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle].value < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The nearest indexed line to any of the moving rectangle's three lines, as the shift that reaches it. */
function nearestShift(lines: readonly Line[], moving: Rect, axis: GuideAxis, threshold: number): number | undefined {
  let best: number | undefined;
  for (const value of linesOf(moving, axis)) {
    const index = lowerBound(lines, value);
    for (const candidate of [lines[index - 1], lines[index]]) {
      if (!candidate) continue;
      const shift = candidate.value - value;
      if (Math.abs(shift) <= threshold && (best === undefined || Math.abs(shift) < Math.abs(best))) best = shift;
    }
  }
  return best;
}

/** Guides for every line of the (already snapped) moving rectangle that meets indexed lines, spanning the items on it. */
function guidesOn(lines: readonly Line[], moving: Rect, axis: GuideAxis): Guide[] {
  const guides: Guide[] = [];
  const across = (rect: Rect): [number, number] => (axis === "x" ? [rect.y, rect.y + rect.height] : [rect.x, rect.x + rect.width]);
  for (const value of linesOf(moving, axis)) {
    let [from, to] = across(moving);
    let met = false;
    for (let index = lowerBound(lines, value - SAME_LINE); index < lines.length && lines[index].value <= value + SAME_LINE; index += 1) {
      const [start, end] = across(lines[index].rect);
      from = Math.min(from, start);
      to = Math.max(to, end);
      met = true;
    }
    if (met) guides.push({ axis, at: value, from, to });
  }
  return guides;
}

/**
 * Where a dragged rectangle snaps: on each axis, the shift (at most `threshold`, in canvas units) that puts
 * one of its left/centre/right (top/middle/bottom) lines on the nearest line of an indexed item, and the
 * guide lines to draw there. Logarithmic in the number of indexed items, so it runs on every drag frame.
 */
export function snapToGuides(index: AlignmentIndex, moving: Rect, threshold: number): GuideSnap {
  const dx = nearestShift(index.x, moving, "x", threshold) ?? 0;
  const dy = nearestShift(index.y, moving, "y", threshold) ?? 0;
  const snapped = { ...moving, x: moving.x + dx, y: moving.y + dy };
  return { dx, dy, guides: [...guidesOn(index.x, snapped, "x"), ...guidesOn(index.y, snapped, "y")] };
}

/** The smallest rectangle holding all of `rects`; undefined when there are none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
