import { COMPONENT_SIZE, overlapArea, rectsOverlap, type Point, type Rect, type Size } from "@/lib/designer/geometry";

const CELL = 128;
/** A cell holding more than this many rectangles counts as full, so a pile of parallel edges cannot make placing quadratic. */
const CROWDED = 64;
/** Gap between a label and the line it names. */
const OFFSET = 4;


/**
 * Rectangles bucketed on a uniform grid, so asking what a label would cover costs the few rectangles near it
 * rather than all of them: placing every label stays linear in the design's size.
 */
class RectGrid {
  private readonly cells = new Map<string, Rect[]>();

  private *keys(rect: Rect): Generator<string> {
    for (let column = Math.floor(rect.x / CELL); column <= Math.floor((rect.x + rect.width) / CELL); column += 1) {
      for (let row = Math.floor(rect.y / CELL); row <= Math.floor((rect.y + rect.height) / CELL); row += 1) yield `${column},${row}`;
    }
  }

  add(rect: Rect): void {
    for (const key of this.keys(rect)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(rect);
      else this.cells.set(key, [rect]);
    }
  }

  /** How much of `rect` the stored rectangles cover (counted once per cell they share); a crowded cell counts as covered. */
  covered(rect: Rect): number {
    let area = 0;
    for (const key of this.keys(rect)) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      if (cell.length > CROWDED) return rect.width * rect.height;
      for (const other of cell) area += overlapArea(rect, other);
    }
    return area;
  }
}

/**
 * Spots beside one segment for a label of `size`: above and below a horizontal run, right and left of a vertical
 * one, at its middle and quarters; then far enough out to clear the cards a line between two card middles joins.
 */
function besideSegment(from: Point, to: Point, size: Size): Rect[] {
  const vertical = Math.abs(to.x - from.x) < Math.abs(to.y - from.y);
  const spots: Rect[] = [];
  for (const gap of [OFFSET, (vertical ? COMPONENT_SIZE.width : COMPONENT_SIZE.height) / 2 + OFFSET]) {
    for (const share of [0.5, 0.25, 0.75]) {
      const x = from.x + (to.x - from.x) * share;
      const y = from.y + (to.y - from.y) * share;
      if (vertical) {
        spots.push({ x: x + gap + 2, y: y - size.height / 2, ...size }, { x: x - gap - 2 - size.width, y: y - size.height / 2, ...size });
      } else {
        spots.push({ x: x - size.width / 2, y: y - size.height - gap, ...size }, { x: x - size.width / 2, y: y + gap, ...size });
      }
    }
  }
  return spots;
}

/** Segment indexes from the middle of the route outwards, where a reader looks for a label first. */
function segmentsFromMiddle(count: number): number[] {
  const middle = Math.floor((count - 1) / 2);
  const order = [middle];
  for (let step = 1; order.length < count; step += 1) {
    if (middle + step < count) order.push(middle + step);
    if (middle - step >= 0) order.push(middle - step);
  }
  return order;
}

/**
 * Places edge labels beside their routes, trying the middle of the route first: the first spot that covers no
 * card and no label placed before it, else the spot that covers the least card (a hidden name is worse than
 * two labels touching), then the least label. `obstacles` are the cards.
 */
export function placeLabels(routes: readonly { points: readonly Point[]; size: Size }[], obstacles: Iterable<Rect>): Rect[] {
  const cards = new RectGrid();
  for (const obstacle of obstacles) cards.add(obstacle);
  const labels = new RectGrid();
  return routes.map(({ points, size }) => {
    const segments = points.length < 2 ? [] : segmentsFromMiddle(points.length - 1);
    const spots = segments.flatMap((index) => besideSegment(points[index], points[index + 1], size));
    let best: { spot: Rect; cost: number } | undefined;
    for (const spot of spots) {
      const cost = cards.covered(spot) * 1000 + labels.covered(spot);
      if (!best || cost < best.cost) best = { spot, cost };
      if (cost === 0) break;
    }
    const placed = best?.spot ?? { ...(points[0] ?? { x: 0, y: 0 }), ...size };
    labels.add(placed);
    return placed;
  });
}
