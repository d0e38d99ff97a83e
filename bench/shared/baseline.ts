import { parseDesign, type Design } from "../../lib/model";

/** The middle value (mean of the two middle values for an even count): every benchmark reports medians. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function parseGenerated(document: unknown): Design {
  const result = parseDesign(document);
  if (!result.success) throw new Error(`Generated design does not parse: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.design;
}

/**
 * The baseline the design benchmarks divide by: what any consumer of a design must do at least, parse the
 * document and walk it once breadth first. Returns how many components the walk reached.
 */
export function parseAndWalk(document: unknown): number {
  const design = parseGenerated(document);
  const outgoing = new Map<string, string[]>();
  for (const connection of design.connections) {
    const list = outgoing.get(connection.source);
    if (list) list.push(connection.target);
    else outgoing.set(connection.source, [connection.target]);
  }
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const component of design.components) {
    if (seen.has(component.id)) continue;
    seen.add(component.id);
    queue.push(component.id);
    for (let head = queue.length - 1; head < queue.length; head += 1) {
      for (const next of outgoing.get(queue[head]) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return seen.size;
}
