import { isSafeRelativePath, showBidiControls } from "./naming";
import type { GeneratedFile } from "./types";

function byPath(a: GeneratedFile, b: GeneratedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** A file map that would write outside its root, or write one path twice (or as both a file and a folder). */
export class UnsafeFileMapError extends Error {}

/**
 * Files sorted by path, each path checked once: nothing `producer` writes can land outside its folder or be
 * written twice. Every generator's output, the starter repository and the zip go through here, so this is
 * also where bidirectional controls from the design's text are made visible: whatever format a name or
 * description was written into (Terraform, YAML, TypeScript, Markdown, JSON), user text only ever sits inside
 * a string or a comment, where the visible marker is as valid and cannot reorder what a reviewer reads.
 */
export function sortedFileMap(files: readonly GeneratedFile[], producer: string): GeneratedFile[] {
  const sorted = files.map((file) => (file.encoding === "base64" ? { ...file } : { path: file.path, contents: showBidiControls(file.contents) })).sort(byPath);
  sorted.forEach((file, index) => {
    if (!isSafeRelativePath(file.path)) throw new UnsafeFileMapError(`${producer} produced an unsafe path: ${JSON.stringify(file.path)}`);
    if (index > 0 && sorted[index - 1].path === file.path) throw new UnsafeFileMapError(`${producer} produced "${file.path}" twice`);
  });
  return sorted;
}
