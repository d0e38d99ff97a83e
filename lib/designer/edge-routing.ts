import { overlapArea, rectsOverlap, type Point, type Rect, type Size } from "./geometry";

export type HandleSide = "top" | "right" | "bottom" | "left";

/** A card the routes go around, in canvas coordinates. */
export interface RoutingCard {
  id: string;
  rect: Rect;
}

/** A connection to route between two cards, with the size of its label pill. */
export interface RoutingEdge {
  id: string;
  source: string;
  target: string;
  label: Size;
}

export interface EdgeRoute {
  /** Orthogonal polyline from the source handle to the target handle (first and last points on the handles). */
  points: Point[];
  /** Top-left corner of the label pill, on a stretch of the route where it covers no card and no other label. */
  label: Point;
  sides: { source: HandleSide; target: HandleSide };
}

/** How far a handle's connection point sits outside its card (React Flow puts it at the far side of the 8-px handle). */
export const HANDLE_OFFSET = 4;
/** Routes keep this far from every card, so a line never runs along a card's border. */
const CLEARANCE = 10;
/** The straight run out of a handle before the first bend, so the arrowhead always meets the card head on. */
const STUB = 20;
/** A bend costs as much as this much extra length: routes prefer few bends over the shortest way. */
const BEND_COST = 40;
/** Each pixel run on top of an earlier route costs this much more than a pixel of a lane of its own. */
const SHARED_COST = 1.5;
/** Above this many edges, routes may run on top of each other (see routeEdges). */
const LANE_LIMIT = 400;
/**
 * The searches tried in turn: cards this far outside the box spanned by an edge's ends are left out, and
 * routes keep this clearance. A wider window finds the way around a long row of cards; cards dragged closer
 * than twice the clearance leave only the narrow lane between them.
 */
const ATTEMPTS = [
  { margin: 120, clearance: CLEARANCE },
  { margin: 960, clearance: CLEARANCE },
  { margin: 120, clearance: 2 },
  { margin: 960, clearance: 2 },
];
/** Labels keep this far from cards, other labels and the route's own ends (where the arrowhead is). */
const LABEL_GAP = 3;
const END_GAP = 18;
/** The search for a free spot off the line: steps of this many pixels, this many steps out at most. */
const SEARCH_STEP = 12;
const SEARCH_RINGS = 24;

/** Sides an edge leaves and enters by, facing each other along the dominant axis. */
export function handleSides(source: Point, target: Point): { source: HandleSide; target: HandleSide } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dx) >= Math.abs(dy) * 0.6) return dx >= 0 ? { source: "right", target: "left" } : { source: "left", target: "right" };
  return dy >= 0 ? { source: "bottom", target: "top" } : { source: "top", target: "bottom" };
}

const NORMALS: Record<HandleSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

/** The connection point of a handle, where React Flow starts or ends the edge. */
export function handlePoint(rect: Rect, side: HandleSide): Point {
  const normal = NORMALS[side];
  return {
    x: rect.x + rect.width / 2 + normal.x * (rect.width / 2 + HANDLE_OFFSET),
    y: rect.y + rect.height / 2 + normal.y * (rect.height / 2 + HANDLE_OFFSET),
  };
}

function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

function inflate(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}


/** Rectangles bucketed on a coarse grid, so "what is near here" costs a few lookups, not a scan of every card. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  constructor(private readonly cell = 256) {}

  private keys(rect: Rect): string[] {
    const keys: string[] = [];
    for (let x = Math.floor(rect.x / this.cell); x <= Math.floor((rect.x + rect.width) / this.cell); x += 1) {
      for (let y = Math.floor(rect.y / this.cell); y <= Math.floor((rect.y + rect.height) / this.cell); y += 1) keys.push(`${x},${y}`);
    }
    return keys;
  }

  add(rect: Rect): void {
    for (const key of this.keys(rect)) {
      const list = this.cells.get(key);
      if (list) list.push(rect);
      else this.cells.set(key, [rect]);
    }
  }

  near(area: Rect): Rect[] {
    const found = new Set<Rect>();
    for (const key of this.keys(area)) for (const rect of this.cells.get(key) ?? []) if (rectsOverlap(rect, area)) found.add(rect);
    return [...found];
  }
}

/**
 * The stretches earlier routes run along, by line (a horizontal stretch by its y, a vertical one by its x), so
 * a later route pays for running on top of one and takes a lane of its own where there is one. Routes that
 * share an end may share their stretches: lines into one card merge there anyway.
 */
class LaneIndex {
  constructor(private readonly enabled: boolean) {}

  private readonly horizontal = new Map<number, { from: number; to: number; ends: readonly string[] }[]>();
  private readonly vertical = new Map<number, { from: number; to: number; ends: readonly string[] }[]>();

  add(points: readonly Point[], ends: readonly string[]): void {
    if (!this.enabled) return;
    for (let index = 1; index < points.length; index += 1) {
      const [a, b] = [points[index - 1], points[index]];
      const horizontal = a.y === b.y;
      const lines = horizontal ? this.horizontal : this.vertical;
      const key = horizontal ? a.y : a.x;
      const stretch = horizontal ? { from: Math.min(a.x, b.x), to: Math.max(a.x, b.x), ends } : { from: Math.min(a.y, b.y), to: Math.max(a.y, b.y), ends };
      const list = lines.get(key);
      if (list) list.push(stretch);
      else lines.set(key, [stretch]);
    }
  }

  /** Length of the step from (x1, y1) to (x2, y2) that runs on an earlier route with other ends. */
  shared(x1: number, y1: number, x2: number, y2: number, ends: readonly string[]): number {
    const horizontal = y1 === y2;
    const list = (horizontal ? this.horizontal : this.vertical).get(horizontal ? y1 : x1);
    if (!list) return 0;
    const from = horizontal ? Math.min(x1, x2) : Math.min(y1, y2);
    const to = horizontal ? Math.max(x1, x2) : Math.max(y1, y2);
    let shared = 0;
    for (const stretch of list) {
      if (stretch.ends.some((end) => ends.includes(end))) continue;
      shared = Math.max(shared, Math.min(to, stretch.to) - Math.max(from, stretch.from));
      if (shared >= to - from) break;
    }
    return shared;
  }
}

/** A min-heap of numbers keyed by priority, for the route search. */
class Heap {
  private readonly items: number[] = [];
  private readonly priorities: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, priority: number): void {
    let index = this.items.length;
    this.items.push(item);
    this.priorities.push(priority);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.priorities[parent] <= priority) break;
      this.items[index] = this.items[parent];
      this.priorities[index] = this.priorities[parent];
      index = parent;
    }
    this.items[index] = item;
    this.priorities[index] = priority;
  }

  pop(): number {
    const top = this.items[0];
    const lastItem = this.items.pop() as number;
    const lastPriority = this.priorities.pop() as number;
    if (this.items.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= this.items.length) break;
        const right = left + 1;
        const child = right < this.items.length && this.priorities[right] < this.priorities[left] ? right : left;
        if (this.priorities[child] >= lastPriority) break;
        this.items[index] = this.items[child];
        this.priorities[index] = this.priorities[child];
        index = child;
      }
      this.items[index] = lastItem;
      this.priorities[index] = lastPriority;
    }
    return top;
  }
}

function sortedUnique(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((value, index) => index === 0 || value !== sorted[index - 1]);
}

function indexOf(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The shortest orthogonal way with few bends from `from` (leaving in direction `start`) to `to` (arriving in
 * direction `end`) that enters none of `obstacles`. The search runs on a sparse grid whose lines are the
 * obstacles' borders, the lanes half-way between them and the ends: every bend a good route needs lies on it.
 */
function searchRoute(from: Point, start: Point, to: Point, end: Point, obstacles: readonly Rect[], window: Rect, lanes: LaneIndex, ends: readonly string[]): Point[] | undefined {
  const xsRaw = [from.x, to.x, window.x, window.x + window.width];
  const ysRaw = [from.y, to.y, window.y, window.y + window.height];
  for (const rect of obstacles) {
    xsRaw.push(rect.x, rect.x + rect.width);
    ysRaw.push(rect.y, rect.y + rect.height);
  }
  const xsEdges = sortedUnique(xsRaw);
  const ysEdges = sortedUnique(ysRaw);
  const xs = sortedUnique([...xsEdges, ...xsEdges.slice(1).map((x, index) => (x + xsEdges[index]) / 2)]);
  const ys = sortedUnique([...ysEdges, ...ysEdges.slice(1).map((y, index) => (y + ysEdges[index]) / 2)]);
  const columns = xs.length;
  const rows = ys.length;
  // Cell (i, j) spans xs[i]..xs[i+1] × ys[j]..ys[j+1]; every obstacle border is a grid line, so a cell is
  // either wholly inside an obstacle or wholly outside every one.
  const blocked = new Uint8Array(columns * rows);
  for (const rect of obstacles) {
    const left = indexOf(xs, rect.x);
    const right = indexOf(xs, rect.x + rect.width);
    const top = indexOf(ys, rect.y);
    const bottom = indexOf(ys, rect.y + rect.height);
    for (let i = left; i < right; i += 1) for (let j = top; j < bottom; j += 1) blocked[j * columns + i] = 1;
  }
  const cellBlocked = (i: number, j: number) => i >= 0 && j >= 0 && i < columns - 1 && j < rows - 1 && blocked[j * columns + i] === 1;

  // Directions 0..3: right, left, down, up.
  const DX = [1, -1, 0, 0];
  const DY = [0, 0, 1, -1];
  const directionIndex = (direction: Point) => (direction.x === 1 ? 0 : direction.x === -1 ? 1 : direction.y === 1 ? 2 : 3);
  const startI = indexOf(xs, from.x);
  const startJ = indexOf(ys, from.y);
  const goalI = indexOf(xs, to.x);
  const goalJ = indexOf(ys, to.y);
  const endDirection = directionIndex(end);
  const states = columns * rows * 4;
  const cost = new Float64Array(states).fill(Infinity);
  const previous = new Int32Array(states).fill(-1);
  const heap = new Heap();
  const first = (startJ * columns + startI) * 4 + directionIndex(start);
  cost[first] = 0;
  heap.push(first, Math.abs(from.x - to.x) + Math.abs(from.y - to.y));
  let reached = -1;
  while (heap.size > 0) {
    const current = heap.pop();
    const direction = current & 3;
    const cellIndex = current >> 2;
    const i = cellIndex % columns;
    const j = (cellIndex - i) / columns;
    if (i === goalI && j === goalJ && direction === endDirection) {
      reached = current;
      break;
    }
    const here = cost[current];
    for (let next = 0; next < 4; next += 1) {
      // No U-turns: going back over the same line is never part of a good route.
      if ((next ^ 1) === direction) continue;
      const ni = i + DX[next];
      const nj = j + DY[next];
      if (ni < 0 || nj < 0 || ni >= columns || nj >= rows) continue;
      // A step along a grid line crosses an obstacle when the cells on both sides of it are inside one.
      if (next < 2) {
        const ci = next === 0 ? i : ni;
        if (cellBlocked(ci, j - 1) && cellBlocked(ci, j)) continue;
      } else {
        const cj = next === 2 ? j : nj;
        if (cellBlocked(i - 1, cj) && cellBlocked(i, cj)) continue;
      }
      const length = Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]);
      const total = here + length + (next === direction ? 0 : BEND_COST) + SHARED_COST * lanes.shared(xs[i], ys[j], xs[ni], ys[nj], ends);
      const target = (nj * columns + ni) * 4 + next;
      if (total < cost[target]) {
        cost[target] = total;
        previous[target] = current;
        heap.push(target, total + Math.abs(xs[ni] - to.x) + Math.abs(ys[nj] - to.y));
      }
    }
  }
  if (reached < 0) return undefined;
  const points: Point[] = [];
  for (let at = reached; at >= 0; at = previous[at]) {
    const cellIndex = Math.floor(at / 4);
    points.push({ x: xs[cellIndex % columns], y: ys[Math.floor(cellIndex / columns)] });
  }
  return points.reverse();
}

/** Drops repeated points and the middle of three points on one line. */
function simplify(points: readonly Point[]): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const last = result[result.length - 1];
    if (last && Math.abs(last.x - point.x) < 0.01 && Math.abs(last.y - point.y) < 0.01) continue;
    const before = result[result.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - point.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - point.y) < 0.01))) {
      result[result.length - 1] = point;
      continue;
    }
    result.push(point);
  }
  return result;
}

function offset(point: Point, direction: Point, by: number): Point {
  return { x: point.x + direction.x * by, y: point.y + direction.y * by };
}

/**
 * How far the route runs straight out of a handle: STUB, or half the way to a card facing that side when one
 * is closer (cards stacked close together), so the route turns in the lane between them.
 */
function stubLength(card: Rect, side: HandleSide, cards: RectIndex): number {
  const normal = NORMALS[side];
  const reach = STUB + CLEARANCE;
  const strip: Rect =
    normal.x === 0
      ? { x: card.x, y: normal.y < 0 ? card.y - reach : card.y + card.height, width: card.width, height: reach }
      : { x: normal.x < 0 ? card.x - reach : card.x + card.width, y: card.y, width: reach, height: card.height };
  let free = reach;
  for (const other of cards.near(strip)) {
    if (other === card) continue;
    const distance = normal.x > 0 ? other.x - (card.x + card.width) : normal.x < 0 ? card.x - (other.x + other.width) : normal.y > 0 ? other.y - (card.y + card.height) : card.y - (other.y + other.height);
    if (distance >= 0) free = Math.min(free, distance);
  }
  return Math.min(STUB, Math.max(HANDLE_OFFSET + 1, free / 2));
}

/** The route of one edge: out of the source handle, around every card, into the target handle. */
function routeOne(source: Rect, target: Rect, sides: { source: HandleSide; target: HandleSide }, cards: RectIndex, lanes: LaneIndex, ends: readonly string[]): Point[] {
  const start = handlePoint(source, sides.source);
  const end = handlePoint(target, sides.target);
  const out = NORMALS[sides.source];
  const inward = { x: -NORMALS[sides.target].x, y: -NORMALS[sides.target].y };
  const from = offset(start, out, stubLength(source, sides.source, cards) - HANDLE_OFFSET);
  const to = offset(end, NORMALS[sides.target], stubLength(target, sides.target, cards) - HANDLE_OFFSET);
  const span = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(from.x - to.x), height: Math.abs(from.y - to.y) };
  for (const attempt of ATTEMPTS) {
    const window = inflate(span, attempt.margin);
    const obstacles = cards.near(window).map((rect) => inflate(rect, attempt.clearance));
    const found = searchRoute(from, out, to, inward, obstacles, window, lanes, ends);
    if (found) return simplify([start, ...found, end]);
  }
  // Only cards stacked on or against each other wall an end in: then the line goes straight through.
  return simplify([start, from, { x: to.x, y: from.y }, to, end]);
}

/**
 * Where the label pill goes: on the route or just beside it, along its longest stretches first and away from
 * the arrowhead, on the first spot that covers no card and no label placed before it; when every spot is
 * taken, the one that covers least (a card counts far more than another label).
 */
function placeLabel(points: readonly Point[], size: Size, cards: RectIndex, labels: RectIndex): Point {
  const candidates: { rect: Rect; order: number }[] = [];
  for (let index = 1; index < points.length; index += 1) {
    const a = points[index - 1];
    const b = points[index];
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    const startGap = index === 1 ? END_GAP : 0;
    const endGap = index === points.length - 1 ? END_GAP : 0;
    const horizontal = Math.abs(b.y - a.y) < 0.01;
    const along = horizontal ? size.width : size.height;
    const room = length - startGap - endGap - along;
    // On the line where the stretch has room for the pill, beside it either way wherever it is.
    const offsets = horizontal
      ? [{ x: 0, y: 0, onLine: true }, { x: 0, y: -(size.height / 2 + LABEL_GAP), onLine: false }, { x: 0, y: size.height / 2 + LABEL_GAP, onLine: false }]
      : [{ x: 0, y: 0, onLine: true }, { x: size.width / 2 + LABEL_GAP, y: 0, onLine: false }, { x: -(size.width / 2 + LABEL_GAP), y: 0, onLine: false }];
    const alongBeside = horizontal ? size.width : 0;
    for (const fraction of [0.5, 0.3, 0.7, 0.1, 0.9, 0, 1]) {
      for (const [rank, shift] of offsets.entries()) {
        const need = shift.onLine ? along : alongBeside;
        const free = length - startGap - endGap - need;
        if (free < 0 && (shift.onLine || fraction !== 0.5)) continue;
        const distance = startGap + need / 2 + Math.max(0, free) * fraction;
        const t = length === 0 ? 0 : Math.min(1, distance / length);
        const middle = { x: a.x + (b.x - a.x) * t + shift.x, y: a.y + (b.y - a.y) * t + shift.y };
        // Longer stretches first; on a stretch, on the line before beside it, the middle before the ends.
        candidates.push({ rect: { x: middle.x - size.width / 2, y: middle.y - size.height / 2, ...size }, order: -length + rank * 0.1 + Math.abs(fraction - 0.5) * 0.01 + (room < 0 ? 5 : 0) });
      }
    }
  }
  candidates.sort((a, b) => a.order - b.order);
  let best: { rect: Rect; covered: number } | undefined;
  for (const { rect } of candidates) {
    const padded = inflate(rect, LABEL_GAP);
    let covered = 0;
    for (const other of cards.near(padded)) covered += overlapArea(padded, other) * 100;
    for (const other of labels.near(padded)) covered += overlapArea(padded, other);
    if (covered === 0) return { x: rect.x, y: rect.y };
    if (!best || covered < best.covered) best = { rect, covered };
  }
  // Nowhere along the line (a long label on a short hop between two cards): the free spot nearest the
  // first choice, in rings of growing distance, before covering anything.
  const first = candidates[0]?.rect ?? { x: points[0].x, y: points[0].y, ...size };
  for (let ring = 1; ring <= SEARCH_RINGS; ring += 1) {
    for (let dy = -ring; dy <= ring; dy += 1) {
      for (let dx = -ring; dx <= ring; dx += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const rect = { ...first, x: first.x + dx * SEARCH_STEP, y: first.y + dy * SEARCH_STEP };
        const padded = inflate(rect, LABEL_GAP);
        if (cards.near(padded).length === 0 && labels.near(padded).length === 0) return { x: rect.x, y: rect.y };
      }
    }
  }
  const chosen = best?.rect ?? first;
  return { x: chosen.x, y: chosen.y };
}

/**
 * Orthogonal routes for every edge that keep clear of every card (the two it joins included, apart from the
 * handles), and a spot for each label that covers no card, no other label and none of the `keepClear` areas
 * (zone headers) wherever there is room for one. Pure and deterministic: the canvas calls it for the cards where they are now (in a worker for large designs),
 * and pictures of the design draw the same routes. Edges whose cards are missing are left out.
 */
export function routeEdges(cards: readonly RoutingCard[], edges: readonly RoutingEdge[], keepClear: readonly Rect[] = []): Map<string, EdgeRoute> {
  const rects = new Map(cards.map((card) => [card.id, card.rect]));
  const index = new RectIndex();
  for (const card of cards) index.add(card.rect);
  const routes = new Map<string, EdgeRoute>();
  // Keeping lanes apart makes each search explore more: for a thousand components it triples the time, and
  // at that size nobody reads single lines anyway.
  const lanes = new LaneIndex(edges.length <= LANE_LIMIT);
  for (const edge of edges) {
    const source = rects.get(edge.source);
    const target = rects.get(edge.target);
    if (!source || !target || edge.source === edge.target) continue;
    const sides = handleSides(centre(source), centre(target));
    const ends = [edge.source, edge.target];
    const points = routeOne(source, target, sides, index, lanes, ends);
    lanes.add(points, ends);
    routes.set(edge.id, { points, label: { x: 0, y: 0 }, sides });
  }
  const labels = new RectIndex();
  for (const area of keepClear) labels.add(area);
  for (const edge of edges) {
    const route = routes.get(edge.id);
    if (!route) continue;
    route.label = placeLabel(route.points, edge.label, index, labels);
    labels.add({ ...route.label, ...edge.label });
  }
  return routes;
}

/** SVG path data for an orthogonal route, its bends rounded with `radius` (less where a stretch is short). */
export function routePath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return "";
  const parts = [`M ${points[0].x} ${points[0].y}`];
  for (let index = 1; index < points.length - 1; index += 1) {
    const [before, corner, after] = [points[index - 1], points[index], points[index + 1]];
    const into = Math.abs(corner.x - before.x) + Math.abs(corner.y - before.y);
    const outOf = Math.abs(after.x - corner.x) + Math.abs(after.y - corner.y);
    const r = Math.min(radius, into / 2, outOf / 2);
    const entry = { x: corner.x - Math.sign(corner.x - before.x) * r, y: corner.y - Math.sign(corner.y - before.y) * r };
    const exit = { x: corner.x + Math.sign(after.x - corner.x) * r, y: corner.y + Math.sign(after.y - corner.y) * r };
    parts.push(`L ${entry.x} ${entry.y}`, `Q ${corner.x} ${corner.y} ${exit.x} ${exit.y}`);
  }
  const last = points[points.length - 1];
  parts.push(`L ${last.x} ${last.y}`);
  return parts.join(" ");
}
