import type { Point, Rect, Size } from "@/lib/designer/geometry";

const CELL = 128;
/** A cell holding more than this many rectangles counts as full, so a pile of parallel edges cannot make placing quadratic. */
const CROWDED = 64;
/** Gap between a label and the line it names. */
const OFFSET = 4;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Rectangles bucketed on a uniform grid, so asking whether a label would cover a card or another label costs
 * the few rectangles near it rather than all of them: placing every label stays linear in the design's size.
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

  hits(rect: Rect): boolean {
    for (const key of this.keys(rect)) {
      const cell = this.cells.get(key);
      if (cell && (cell.length > CROWDED || cell.some((other) => overlaps(rect, other)))) return true;
    }
    return false;
  }
}

/** Spots beside one segment for a label of `size`: above and below a horizontal run, right and left of a vertical one. */
function besideSegment(from: Point, to: Point, size: Size): Rect[] {
  const vertical = Math.abs(to.x - from.x) < Math.abs(to.y - from.y);
  const spots: Rect[] = [];
  for (const share of [0.5, 0.25, 0.75]) {
    const x = from.x + (to.x - from.x) * share;
    const y = from.y + (to.y - from.y) * share;
    if (vertical) {
      spots.push({ x: x + OFFSET + 2, y: y - size.height / 2, ...size }, { x: x - OFFSET - 2 - size.width, y: y - size.height / 2, ...size });
    } else {
      spots.push({ x: x - size.width / 2, y: y - size.height - OFFSET, ...size }, { x: x - size.width / 2, y: y + OFFSET, ...size });
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
 * Places edge labels beside their routes where they cover no card and no label placed before them, trying the
 * middle of the route first; when every spot is taken, the middle one is used. `obstacles` are the cards.
 */
export function placeLabels(routes: readonly { points: readonly Point[]; size: Size }[], obstacles: Iterable<Rect>): Rect[] {
  const grid = new RectGrid();
  for (const obstacle of obstacles) grid.add(obstacle);
  return routes.map(({ points, size }) => {
    const segments = points.length < 2 ? [] : segmentsFromMiddle(points.length - 1);
    const spots = segments.flatMap((index) => besideSegment(points[index], points[index + 1], size));
    const placed = spots.find((spot) => !grid.hits(spot)) ?? spots[0] ?? { ...(points[0] ?? { x: 0, y: 0 }), ...size };
    grid.add(placed);
    return placed;
  });
}
