/**
 * Search over generated files: which paths match, and how often the text occurs in each file's contents,
 * with the first few matching lines. Terraform for a large design runs to megabytes, so the search is a
 * generator that stops after about `budget` characters of work and yields; its driver resumes it on a
 * later task, and the page keeps answering in between.
 */

export interface SearchableFile {
  path: string;
  contents: string;
}

export interface MatchLine {
  /** 1-based line number. */
  line: number;
  text: string;
}

export interface FileMatch {
  path: string;
  pathMatches: boolean;
  /** Occurrences in the contents (case-insensitive, not overlapping). */
  count: number;
  lines: MatchLine[];
}

export const SHOWN_MATCH_LINES = 5;
const LINE_PREVIEW_CHARACTERS = 160;

function lineAt(contents: string, index: number): { start: number; end: number } {
  const start = contents.lastIndexOf("\n", index - 1) + 1;
  const newline = contents.indexOf("\n", index);
  return { start, end: newline === -1 ? contents.length : newline };
}

/** Only A-Z change, so every index in the folded text is the same index in the original. */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Yields (nothing) whenever about `budget` characters were scanned; returns the files that match, in input order. */
export function* searchFiles(files: readonly SearchableFile[], query: string, budget = 64_000): Generator<void, FileMatch[]> {
  const needle = asciiLowerCase(query.trim());
  if (needle === "") return [];
  const matches: FileMatch[] = [];
  let spent = 0;
  for (const file of files) {
    const pathMatches = file.path.toLowerCase().includes(needle);
    const lines: MatchLine[] = [];
    let count = 0;
    let lineNumber = 1;
    let counted = 0;
    let nextAllowed = 0;
    // Case-folded a slice at a time, so a large file is never copied whole.
    for (let from = 0; from < file.contents.length; ) {
      const to = Math.min(file.contents.length, from + budget);
      const end = Math.min(file.contents.length, to + needle.length - 1);
      const haystack = asciiLowerCase(file.contents.slice(from, end));
      for (let index = haystack.indexOf(needle); index !== -1 && from + index < to; index = haystack.indexOf(needle, index + needle.length)) {
        const at = from + index;
        if (at < nextAllowed) continue;
        nextAllowed = at + needle.length;
        count += 1;
        if (lines.length < SHOWN_MATCH_LINES) {
          for (let scan = file.contents.indexOf("\n", counted); scan !== -1 && scan < at; scan = file.contents.indexOf("\n", scan + 1)) lineNumber += 1;
          counted = at;
          const { start, end: lineEnd } = lineAt(file.contents, at);
          const text = file.contents.slice(start, Math.min(lineEnd, start + LINE_PREVIEW_CHARACTERS));
          if (lines[lines.length - 1]?.line !== lineNumber) lines.push({ line: lineNumber, text });
        }
      }
      spent += to - from;
      from = to;
      if (spent >= budget) {
        spent = 0;
        yield;
      }
    }
    if (pathMatches || count > 0) matches.push({ path: file.path, pathMatches, count, lines });
  }
  return matches;
}
