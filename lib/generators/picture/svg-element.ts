/**
 * A tiny typed SVG element tree and its serialiser. Pictures are built as data and written out here, in one
 * place, so every attribute value and every text node is escaped by construction: no caller ever writes markup.
 */

export type AttributeValue = string | number;

export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, AttributeValue | undefined>>;
  readonly children: readonly SvgNode[];
}

/** Text content; the serialiser escapes it. */
export interface SvgText {
  readonly text: string;
}

export type SvgNode = SvgElement | SvgText;

const TAG_OR_ATTRIBUTE = /^[A-Za-z][A-Za-z0-9:-]*$/;

export function element(tag: string, attributes: Record<string, AttributeValue | undefined> = {}, children: readonly SvgNode[] = []): SvgElement {
  return { tag, attributes, children };
}

export function text(value: string): SvgText {
  return { text: value };
}

/** Characters XML 1.0 cannot carry at all, even escaped: they are dropped rather than breaking the document. */
const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu;

export function escapeXmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTERS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** Numbers as SVG reads them: at most two decimals, no exponent, no "-0". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`An SVG number must be finite, got ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function attributeText(value: AttributeValue): string {
  return typeof value === "number" ? formatNumber(value) : escapeXmlAttribute(value);
}

function checkName(name: string): void {
  if (!TAG_OR_ATTRIBUTE.test(name)) throw new RangeError(`Not an SVG tag or attribute name: ${JSON.stringify(name)}`);
}

/**
 * The element as XML. Iterative, so a deep tree cannot overflow the stack, and linear in the tree's size
 * (pieces are collected and joined once).
 */
export function serialise(root: SvgElement): string {
  const pieces: string[] = [];
  const stack: (SvgNode | { close: string })[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ("close" in node) {
      pieces.push(`</${node.close}>`);
    } else if ("text" in node) {
      pieces.push(escapeXmlText(node.text));
    } else {
      checkName(node.tag);
      pieces.push(`<${node.tag}`);
      for (const [name, value] of Object.entries(node.attributes)) {
        if (value === undefined) continue;
        checkName(name);
        pieces.push(` ${name}="${attributeText(value)}"`);
      }
      if (node.children.length === 0) {
        pieces.push("/>");
        continue;
      }
      pieces.push(">");
      stack.push({ close: node.tag });
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
    }
  }
  return pieces.join("");
}
