import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An element of a parsed SVG document, read the way a browser's DOM would give it. */
export interface XmlNode {
  tag: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element. */
  text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, processEntities: true, htmlEntities: false, trimValues: false, parseTagValue: false, parseAttributeValue: false });

function toNode(ordered: Ordered): XmlNode | undefined {
  const tag = Object.keys(ordered).find((key) => key !== ":@");
  if (!tag || tag === "#text" || tag.startsWith("?")) return undefined;
  const content = (ordered[tag] as Ordered[]) ?? [];
  const children = content.map(toNode).filter((node): node is XmlNode => node !== undefined);
  const text = content.map((child) => (typeof child["#text"] === "string" || typeof child["#text"] === "number" ? String(child["#text"]) : "")).join("");
  return { tag, attributes: ordered[":@"] ?? {}, children, text };
}

/** The document's root element; throws with the validator's message when the text is not well-formed XML. */
export function parseSvg(svg: string): XmlNode {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  const root = (parser.parse(svg) as Ordered[]).map(toNode).find((node) => node?.tag === "svg");
  if (!root) throw new Error("No <svg> root");
  return root;
}

export function* descendants(node: XmlNode): Generator<XmlNode> {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    for (let index = current.children.length - 1; index >= 0; index -= 1) stack.push(current.children[index]);
  }
}

/** All text inside the element, its descendants' included, in document order. */
export function textContent(node: XmlNode): string {
  return [...descendants(node)].map((each) => each.text).join("");
}
