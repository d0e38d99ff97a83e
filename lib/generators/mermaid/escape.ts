/**
 * Mermaid text is parsed before it is rendered, so user text must never reach the parser as syntax.
 * Every character outside a small safe set becomes a numeric entity (`#34;` for `"`), which mermaid
 * decodes only after parsing (its `encodeEntities` step runs on `#name;` sequences). Line breaks become
 * `<br/>`, the one piece of markup we emit ourselves. The safe set leaves out everything that means
 * something in flowchart or sequence syntax: quotes, `#`, `%`, `;`, `:`, `|`, brackets and braces,
 * `<` and `>`, `-` and `=` (arrows), backticks (markdown strings) and all non-ASCII characters.
 */
const SAFE_CHARACTER = /^[A-Za-z0-9 .,_()/?!]$/;

export function mermaidText(text: string): string {
  let escaped = "";
  for (const character of text.replace(/\r\n?/g, "\n")) {
    if (character === "\n") escaped += "<br/>";
    else if (SAFE_CHARACTER.test(character)) escaped += character;
    else escaped += `#${character.codePointAt(0)};`;
  }
  return escaped;
}

/** A quoted label for flowchart nodes, subgraphs and edges. */
export function quotedLabel(text: string): string {
  return `"${mermaidText(text)}"`;
}
