/**
 * User text in the generated Markdown (README, architecture doc). Names and descriptions are free text, so
 * they are written as inline text that cannot start a block, end a table cell or become markup: line breaks
 * and control characters become spaces, and every character that means something inline in CommonMark or
 * GitHub Flavored Markdown (emphasis, links and images, code spans, HTML and entities, table pipes, strikethrough,
 * math, closing heading marks) is backslash-escaped.
 */

const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const INLINE_SYNTAX = /[\\`*_[\]<>#|~&$]/g;

/**
 * One line of literal text, safe anywhere inline: in a paragraph, a heading or a table cell. A line that
 * would start a list, a thematic break or a setext underline when it stands alone gets its first mark escaped.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAKS_AND_CONTROLS, " ")
    .trim()
    .replace(INLINE_SYNTAX, "\\$&")
    .replace(/^[-+=]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A fenced code block that no backtick run in `body` can close early. */
export function fencedBlock(language: string, body: string): string {
  const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${body.endsWith("\n") ? body : `${body}\n`}${fence}`;
}
