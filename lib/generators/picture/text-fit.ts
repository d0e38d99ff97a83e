/**
 * Fitting text into a box without a browser to measure it. Widths are estimated per character class in em,
 * on the generous side of DejaVu Sans (the font the PNG is drawn with, and wider than the usual browser
 * sans-serif), so a fitted line never spills out of its card in either rendering.
 */

const NARROW = new Set("ijl.,:;'|!`Iíìïî ");
const SEMI_NARROW = new Set("frt()[]{}-/\\\"*");
const WIDE = new Set("mwMW@%");

function characterWidth(character: string): number {
  if (NARROW.has(character)) return 0.36;
  if (SEMI_NARROW.has(character)) return 0.48;
  if (WIDE.has(character)) return 1.02;
  if (/[A-Z0-9]/.test(character)) return 0.78;
  if (/[a-z]/.test(character)) return 0.66;
  // Beyond Latin (CJK, symbols, the visible bidi markers) a full em covers the widest glyphs.
  return character.codePointAt(0)! < 0x250 ? 0.72 : 1.05;
}

/** Estimated width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) em += characterWidth(character);
  return em * fontSize;
}

const ELLIPSIS = "…";

/** The longest start of `text` that fits in `maxWidth` with an ellipsis after it (the whole text if it fits). */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let width = textWidth(ELLIPSIS, fontSize);
  let kept = "";
  for (const character of text) {
    width += characterWidth(character) * fontSize;
    if (width > maxWidth) break;
    kept += character;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** The longest start of `characters` (from `from`) that fits in `maxWidth`: at least one character. */
function fittingCount(characters: readonly string[], from: number, maxWidth: number, fontSize: number): number {
  let width = 0;
  let count = 0;
  while (from + count < characters.length) {
    width += characterWidth(characters[from + count]) * fontSize;
    if (width > maxWidth && count > 0) break;
    count += 1;
  }
  return count;
}

/**
 * `text` in at most `maxLines` lines of `maxWidth`, broken between words where possible and inside a word
 * that is longer than a line (as the canvas's `overflow-wrap: anywhere` does); what does not fit ends the last
 * line in an ellipsis. Linear in the text's length.
 */
export function wrapLines(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const characters = Array.from(text.replace(/\s+/g, " ").trim());
  const lines: string[] = [];
  let start = 0;
  while (start < characters.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(truncate(characters.slice(start).join(""), maxWidth, fontSize));
      break;
    }
    const count = fittingCount(characters, start, maxWidth, fontSize);
    let end = start + count;
    if (end < characters.length && characters[end] !== " ") {
      const space = characters.lastIndexOf(" ", end - 1);
      if (space > start) end = space;
    }
    lines.push(characters.slice(start, end).join("").trimEnd());
    start = end;
    while (characters[start] === " ") start += 1;
  }
  return lines;
}
