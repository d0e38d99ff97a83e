import type { Point, Size } from "./geometry";

/** One box of a layered layout (a card, or a zone already laid out) and the calls between boxes. */
export interface LayeredGraph {
  /** Boxes in model order; the order breaks every tie, so the same graph always gives the same layout. */
  nodes: readonly { id: string; size: Size }[];
  edges: readonly { from: string; to: string }[];
}

export interface LayeredSpacing {
  /** Between two layers (columns): room for a short edge label; a longer one finds a spot elsewhere on its line. */
  layerGap: number;
  /** Between two boxes of one layer. */
  nodeGap: number;
  /** Between two rows when a long chain of layers wraps. */
  rowGap: number;
  /** The shape the result should fit best: a layout wraps into rows when that lets it fit this larger. */
  target: Size;
}

export interface LayeredResult {
  /** Top-left corner of each box, from (0, 0). */
  positions: Map<string, Point>;
  size: Size;
}

/** A fitted design read at this zoom needs no more room; wrapping into rows only pays below it. */
export const COMFORTABLE_ZOOM = 0.8;

/**
 * Layers by longest path from the callers: every call goes one layer or more to the right. Calls that close a
 * cycle (found by a depth-first walk in model order) are read backwards, so a cycle still has a left end.
 */
function assignLayers(ids: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, number> {
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) outgoing.get(edge.from)?.push(edge.to);
  const state = new Map<string, "open" | "done">();
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const order: string[] = [];
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, "open");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const targets = outgoing.get(frame.id) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.id, "done");
        order.push(frame.id);
        stack.pop();
        continue;
      }
      const target = targets[frame.next];
      frame.next += 1;
      const seen = state.get(target);
      if (seen === "open") {
        forward.get(target)?.push(frame.id);
      } else {
        forward.get(frame.id)?.push(target);
        if (seen === undefined) {
          state.set(target, "open");
          stack.push({ id: target, next: 0 });
        }
      }
    }
  }
  // Reverse post-order is a topological order of the acyclic (forward) graph.
  const layers = new Map<string, number>(ids.map((id) => [id, 0]));
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const id = order[index];
    const layer = layers.get(id) ?? 0;
    for (const target of forward.get(id) ?? []) if (target !== id) layers.set(target, Math.max(layers.get(target) ?? 0, layer + 1));
  }
  return layers;
}

/**
 * Orders each layer to cut few crossings: alternating sweeps place every box at the mean rank of its
 * neighbours on the side already placed (the barycentre heuristic); a stable sort keeps model order on ties.
 */
function orderLayers(layerOf: ReadonlyMap<string, number>, ids: readonly string[], edges: readonly { from: string; to: string }[]): string[][] {
  const count = Math.max(0, ...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const id of ids) layers[layerOf.get(id) ?? 0].push(id);
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    neighbours.get(edge.from)?.push(edge.to);
    neighbours.get(edge.to)?.push(edge.from);
  }
  const rank = new Map<string, number>();
  const rerank = (layer: string[]) => layer.forEach((id, index) => rank.set(id, (index + 0.5) / layer.length));
  layers.forEach(rerank);
  const sweep = (layerIndex: number, placedSide: (other: number) => boolean) => {
    const layer = layers[layerIndex];
    const keyed = layer.map((id, index) => {
      const placed = (neighbours.get(id) ?? []).filter((other) => placedSide(layerOf.get(other) ?? 0));
      const key = placed.length === 0 ? (rank.get(id) ?? 0) : placed.reduce((sum, other) => sum + (rank.get(other) ?? 0), 0) / placed.length;
      return { id, key, index };
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    layers[layerIndex] = keyed.map((entry) => entry.id);
    rerank(layers[layerIndex]);
  };
  for (let round = 0; round < 4; round += 1) {
    for (let index = 1; index < count; index += 1) sweep(index, (other) => other < index);
    for (let index = count - 2; index >= 0; index -= 1) sweep(index, (other) => other > index);
  }
  return layers;
}

/**
 * Tops closest to `desired` (least squares) that keep the order and the gaps: y[i+1] ≥ y[i] + height[i] + gap.
 * Shifting each top by the room above it turns this into isotonic regression, solved by pooling adjacent
 * violators in one pass.
 */
function closestTops(desired: readonly number[], heights: readonly number[], gap: number): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (let index = 0; index < desired.length; index += 1) {
    offsets.push(offset);
    offset += heights[index] + gap;
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let index = 0; index < desired.length; index += 1) {
    blocks.push({ sum: desired[index] - offsets[index], count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].sum / blocks[blocks.length - 2].count > blocks[blocks.length - 1].sum / blocks[blocks.length - 1].count) {
      const last = blocks.pop() as { sum: number; count: number };
      blocks[blocks.length - 1].sum += last.sum;
      blocks[blocks.length - 1].count += last.count;
    }
  }
  const tops: number[] = [];
  for (const block of blocks) for (let step = 0; step < block.count; step += 1) tops.push(block.sum / block.count + offsets[tops.length]);
  return tops;
}

/**
 * Vertical places for the layers of one row: stacked first, then each box pulled towards the middle of its
 * neighbours in the row, sweeping right then left, so a chain of calls reads as a straight line.
 */
function placeRow(layers: readonly string[][], sizes: ReadonlyMap<string, Size>, neighbours: ReadonlyMap<string, string[]>, gap: number): Map<string, number> {
  const centre = new Map<string, number>();
  const inRow = new Map<string, number>();
  layers.forEach((layer, index) => layer.forEach((id) => inRow.set(id, index)));
  const heightOf = (id: string) => sizes.get(id)?.height ?? 0;
  for (const layer of layers) {
    let top = 0;
    for (const id of layer) {
      centre.set(id, top + heightOf(id) / 2);
      top += heightOf(id) + gap;
    }
  }
  const align = (index: number, side: (other: number) => boolean) => {
    const layer = layers[index];
    const desired = layer.map((id) => {
      const placed = (neighbours.get(id) ?? []).filter((other) => inRow.has(other) && side(inRow.get(other) as number));
      const middle = placed.length === 0 ? (centre.get(id) ?? 0) : placed.reduce((sum, other) => sum + (centre.get(other) ?? 0), 0) / placed.length;
      return middle - heightOf(id) / 2;
    });
    const tops = closestTops(desired, layer.map(heightOf), gap);
    layer.forEach((id, position) => centre.set(id, tops[position] + heightOf(id) / 2));
  };
  for (let round = 0; round < 3; round += 1) {
    for (let index = 1; index < layers.length; index += 1) align(index, (other) => other < index);
    for (let index = layers.length - 2; index >= 0; index -= 1) align(index, (other) => other > index);
  }
  const tops = new Map<string, number>();
  for (const [id, middle] of centre) tops.set(id, middle - heightOf(id) / 2);
  return tops;
}

/**
 * Splits the layers, in order, into `rows` runs whose widest run is as narrow as it can be (the linear
 * partition problem, by dynamic programming over where each run starts).
 */
function splitIntoRows(widths: readonly number[], gap: number, rows: number): number[][] {
  const count = widths.length;
  const runWidth = (start: number, end: number) => {
    let width = 0;
    for (let index = start; index < end; index += 1) width += widths[index] + (index + 1 < end ? gap : 0);
    return width;
  };
  // best[r][e]: the narrowest widest run when the first e layers form r runs; cut[r][e]: where the last run starts.
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(count + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(count + 1).fill(0));
  best[0][0] = 0;
  for (let run = 1; run <= rows; run += 1) {
    for (let end = run; end <= count; end += 1) {
      for (let start = run - 1; start < end; start += 1) {
        const width = Math.max(best[run - 1][start], runWidth(start, end));
        if (width < best[run][end]) {
          best[run][end] = width;
          cut[run][end] = start;
        }
      }
    }
  }
  const runs: number[][] = [];
  let end = count;
  for (let run = rows; run >= 1; run -= 1) {
    const start = cut[run][end];
    runs.unshift(Array.from({ length: end - start }, (_, offset) => start + offset));
    end = start;
  }
  return runs;
}

/**
 * A compact left-to-right layered layout of one level (the children of one zone, or the top level): layers by
 * call depth, crossings reduced by barycentre sweeps, chains straightened, and a chain of layers too long for
 * the target shape wrapped into rows (the number of rows that lets the whole fit the target largest).
 * Linear in the size of the graph apart from sorting each layer, so a thousand boxes take milliseconds.
 */
export function layeredLayout(graph: LayeredGraph, spacing: LayeredSpacing): LayeredResult {
  const ids = graph.nodes.map((node) => node.id);
  const sizes = new Map(graph.nodes.map((node) => [node.id, node.size]));
  const edges = graph.edges.filter((edge) => sizes.has(edge.from) && sizes.has(edge.to));
  if (ids.length === 0) return { positions: new Map(), size: { width: 0, height: 0 } };
  const layers = orderLayers(assignLayers(ids, edges), ids, edges);
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    neighbours.get(edge.from)?.push(edge.to);
    neighbours.get(edge.to)?.push(edge.from);
  }
  const widths = layers.map((layer) => Math.max(...layer.map((id) => sizes.get(id)?.width ?? 0)));

  let best: LayeredResult | undefined;
  let bestFit = -Infinity;
  for (let rows = 1; rows <= layers.length; rows += 1) {
    const positions = new Map<string, Point>();
    let top = 0;
    let width = 0;
    for (const run of splitIntoRows(widths, spacing.layerGap, rows)) {
      const rowTops = placeRow(
        run.map((index) => layers[index]),
        sizes,
        neighbours,
        spacing.nodeGap,
      );
      const lowest = Math.min(...rowTops.values());
      let left = 0;
      let bottom = 0;
      for (const index of run) {
        for (const id of layers[index]) {
          const y = top + (rowTops.get(id) ?? 0) - lowest;
          positions.set(id, { x: left + (widths[index] - (sizes.get(id)?.width ?? 0)) / 2, y });
          bottom = Math.max(bottom, y + (sizes.get(id)?.height ?? 0));
        }
        left += widths[index] + spacing.layerGap;
      }
      width = Math.max(width, left - spacing.layerGap);
      top = bottom + spacing.rowGap;
    }
    const size = { width, height: top - spacing.rowGap };
    // Past a comfortable reading zoom, fitting larger gains nothing: a level that fits at it stays in one row.
    const fit = Math.min(COMFORTABLE_ZOOM, spacing.target.width / size.width, spacing.target.height / size.height);
    // Another row must make the whole fit clearly larger: wrapping costs the reader a turn.
    if (fit > bestFit * 1.04) {
      bestFit = fit;
      best = { positions, size };
    }
    if (size.height * (rows + 1) / rows > size.width * 2) break;
  }
  const result = best as LayeredResult;
  for (const [id, point] of result.positions) result.positions.set(id, { x: Math.round(point.x), y: Math.round(point.y) });
  return { positions: result.positions, size: { width: Math.round(result.size.width), height: Math.round(result.size.height) } };
}
