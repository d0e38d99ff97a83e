import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import type { Design } from "@/lib/model";

/** A 1-based line and column in the design file, as editors and SARIF viewers count them. */
export interface FileLocation {
  line: number;
  column: number;
}

/**
 * Where each component, connection and zone starts in the design file's text, found through a JSON syntax tree
 * (jsonc-parser), so a report can point a reviewer at the line. Items are matched by their place in the arrays,
 * which parsing keeps. Linear in the file.
 */
export function itemLocations(text: string, design: Design): Map<string, FileLocation> {
  const locations = new Map<string, FileLocation>();
  const root = parseTree(text);
  if (!root) return locations;
  const lineStarts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  const locate = (node: Node): FileLocation => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle] <= node.offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: node.offset - lineStarts[low] + 1 };
  };
  const collections = [
    ["components", design.components],
    ["connections", design.connections],
    ["zones", design.zones],
  ] as const;
  for (const [key, items] of collections) {
    const array = findNodeAtLocation(root, [key]);
    if (array?.type !== "array" || !array.children) continue;
    items.forEach((item, index) => {
      const node = array.children?.[index];
      if (node) locations.set(item.id, locate(node));
    });
  }
  return locations;
}
