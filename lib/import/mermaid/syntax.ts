/**
 * A reader for the flowchart statements people and Archway write: node definitions with their shape and label,
 * edges (`-->`, `---`, `-.->`, `==>`, `--o`, `--x`, with `|label|` or `-- label -->`), chains (`a --> b --> c`),
 * `&` groups, and `subgraph … end`. It returns what each line says; mapping to a design is the importer's job.
 */

export interface NodeRef {
  id: string;
  /** The opening bracket sequence when the statement gives a shape: `[`, `[(`, `((`, `{{`, `>` … */
  shape?: string;
  label?: string;
}

export interface EdgeStatement {
  kind: "edge";
  line: number;
  /** Groups of nodes joined by edges: `a & b --> c` is [[a, b], [c]]. */
  groups: NodeRef[][];
  links: { dotted: boolean; label?: string }[];
}

export type Statement =
  | { kind: "header"; line: number }
  | { kind: "nodes"; line: number; nodes: NodeRef[] }
  | EdgeStatement
  | { kind: "subgraph"; line: number; id: string; label: string }
  | { kind: "end"; line: number }
  | { kind: "styling"; line: number }
  | { kind: "unknown"; line: number; text: string };

/** Closing sequence of each opening, longest openings first so `[(` wins over `[`. */
const SHAPES: readonly [string, string][] = [
  ["(((", ")))"],
  ["([", "])"],
  ["[(", ")]"],
  ["[[", "]]"],
  ["[/", "/]"],
  ["[\\", "\\]"],
  ["((", "))"],
  ["{{", "}}"],
  ["(", ")"],
  ["[", "]"],
  ["{", "}"],
  [">", "]"],
];
/** Trapezoids close with either slant: `[/x\]` and `[\x/]`. */
const ALTERNATE_CLOSE: Record<string, string> = { "[/": "\\]", "[\\": "/]" };

const NODE_ID = /[A-Za-z0-9_]+(?:-(?![-.>=])[A-Za-z0-9_]+)*/y;
const LINK = /\s*(?:(-\.+->|-\.+-|={2,}>|={3,}|-{2,}>|-{3,}|--o|--x)\s*(?:\|([^|]*)\|)?|--\s+([^>|]+?)\s+(-->|-\.->|==>))\s*/y;
const STYLING = /^(classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/;
const HEADER = /^(flowchart|graph)\b/;

class Scanner {
  position = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position += 1;
  }

  match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (found) this.position = pattern.lastIndex;
    return found;
  }

  startsWith(text: string): boolean {
    return this.text.startsWith(text, this.position);
  }

  done(): boolean {
    return this.position >= this.text.length;
  }
}

function readNode(scanner: Scanner): NodeRef | undefined {
  scanner.skipSpace();
  const id = scanner.match(NODE_ID);
  if (!id) return undefined;
  const shape = SHAPES.find(([open]) => scanner.startsWith(open));
  if (!shape) return { id: id[0] };
  const [open, close] = shape;
  scanner.position += open.length;
  let label: string;
  if (scanner.startsWith('"')) {
    const end = scanner.text.indexOf('"', scanner.position + 1);
    if (end === -1) return undefined;
    label = scanner.text.slice(scanner.position + 1, end);
    scanner.position = end + 1;
  } else {
    const closes = [close, ALTERNATE_CLOSE[open]].filter((candidate): candidate is string => candidate !== undefined);
    const ends = closes.map((candidate) => scanner.text.indexOf(candidate, scanner.position)).filter((index) => index !== -1);
    if (ends.length === 0) return undefined;
    const end = Math.min(...ends);
    label = scanner.text.slice(scanner.position, end);
    scanner.position = end;
  }
  const closing = [close, ALTERNATE_CLOSE[open]].find((candidate) => candidate !== undefined && scanner.startsWith(candidate));
  if (!closing) return undefined;
  scanner.position += closing.length;
  return { id: id[0], shape: open, label };
}

function readGroup(scanner: Scanner): NodeRef[] | undefined {
  const nodes: NodeRef[] = [];
  for (;;) {
    const node = readNode(scanner);
    if (!node) return undefined;
    nodes.push(node);
    scanner.skipSpace();
    if (!scanner.startsWith("&")) return nodes;
    scanner.position += 1;
  }
}

function statementOf(text: string, line: number): Statement {
  const trimmed = text.trim().replace(/;$/, "");
  if (HEADER.test(trimmed)) return { kind: "header", line };
  if (trimmed === "end") return { kind: "end", line };
  if (STYLING.test(trimmed)) return { kind: "styling", line };
  const subgraph = /^subgraph\s+(.+)$/.exec(trimmed);
  if (subgraph) {
    const titled = /^([A-Za-z0-9_][\w-]*)\s*\[\s*(?:"([^"]*)"|([^\]]*))\s*\]$/.exec(subgraph[1]);
    if (titled) return { kind: "subgraph", line, id: titled[1], label: (titled[2] ?? titled[3]).trim() };
    return { kind: "subgraph", line, id: subgraph[1], label: subgraph[1].replace(/^"|"$/g, "") };
  }
  const scanner = new Scanner(trimmed);
  const first = readGroup(scanner);
  if (!first) return { kind: "unknown", line, text: trimmed };
  const groups = [first];
  const links: EdgeStatement["links"] = [];
  for (;;) {
    scanner.skipSpace();
    if (scanner.done()) break;
    const link = scanner.match(LINK);
    const next = link ? readGroup(scanner) : undefined;
    if (!link || !next) return { kind: "unknown", line, text: trimmed };
    const arrow = link[1] ?? link[4];
    links.push({ dotted: arrow.includes("."), ...(link[2] ?? link[3] ? { label: (link[2] ?? link[3]).trim() } : {}) });
    groups.push(next);
  }
  return links.length === 0 ? { kind: "nodes", line, nodes: first } : { kind: "edge", line, groups, links };
}

/** Every statement of a flowchart, with its 1-based line; comments and blank lines are skipped. */
export function readFlowchart(text: string): Statement[] {
  const statements: Statement[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const withoutComment = raw.replace(/%%.*$/, "");
    if (withoutComment.trim().length > 0) statements.push(statementOf(withoutComment, index + 1));
  });
  return statements;
}
