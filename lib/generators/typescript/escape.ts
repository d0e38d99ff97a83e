/**
 * The only ways design text reaches a generated file. Templates never see raw names: they get these
 * encodings precomputed in the view-model, so whatever a name contains, it stays data.
 */

/**
 * A double-quoted TypeScript string literal. JSON is a subset of TypeScript string syntax; U+2028 and
 * U+2029 are escaped too because older parsers end a line there. Never placed inside a template literal.
 */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Text for Markdown prose and table cells: every ASCII punctuation character is backslash-escaped
 * (CommonMark treats all of them as literal when escaped), so no name can open a link, an HTML tag,
 * a code span or a table column; line breaks and other control characters become spaces.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}
