import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import { ImportError } from "../types";

/**
 * YAML read the way an importer needs it: every document of a file with its plain value and a way to find the line of
 * any node, and hostile input refused before it costs anything (an alias bomb by the parser's alias limit, deep
 * nesting by a depth check on the parsed value).
 */

/** The most aliases one document may resolve: a YAML bomb expands aliases of aliases. */
const MAX_ALIASES = 100;
/** Deeper than any manifest or compose file a person writes; guards the recursive walks after parsing. */
export const MAX_DEPTH = 64;

export interface YamlDocument {
  value: unknown;
  document: Document.Parsed;
  /** 1-based line where the node at `path` starts, when it exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

function depthOf(value: unknown, limit: number): number {
  const stack: [unknown, number][] = [[value, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (typeof current === "object" && current !== null) for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function readYamlDocuments(path: string, text: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(documents)) return [];
  const problems = documents.flatMap((document) => document.errors.map((error) => ({ file: path, line: error.linePos?.[0]?.line, message: error.message.split("\n")[0] })));
  if (problems.length > 0) throw new ImportError(`${path} is not valid YAML`, problems.slice(0, 20));
  return documents.map((document) => {
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      throw new ImportError(`${path} expands too many YAML aliases`, [{ file: path, message: (error as Error).message }]);
    }
    if (depthOf(value, MAX_DEPTH) > MAX_DEPTH) throw new ImportError(`${path} is nested deeper than ${MAX_DEPTH} levels`, [{ file: path, message: "Too deeply nested" }]);
    return {
      value,
      document,
      lineOf(nodePath) {
        const parent = (nodePath.length === 1 ? document.contents : document.getIn(nodePath.slice(0, -1), true)) as Node | null | undefined;
        const last = nodePath.at(-1);
        let node: Node | undefined;
        if (isMap(parent)) node = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key as Node | undefined;
        else if (isSeq(parent) && typeof last === "number") node = parent.items[last] as Node | undefined;
        const offset = node && (isMap(node) || isSeq(node) || isScalar(node)) ? node.range?.[0] : undefined;
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      },
    };
  });
}
