"use client";

import { useEffect, useState } from "react";
import { searchFiles, type FileMatch, type SearchableFile } from "./search-files";

/** Typing pauses this long before a search starts, so each keystroke does not start one. */
const TYPING_PAUSE_MS = 150;
/** Work per task before handing the page back; short enough that typing and scrolling stay smooth. */
const SLICE_MS = 8;

export interface FileSearchState {
  /** Matches by path for the current query; undefined when there is no query. */
  matches?: ReadonlyMap<string, FileMatch>;
  searching: boolean;
}

/**
 * Searches the generated files a slice at a time: each task runs the search for a few milliseconds and then
 * yields to the page, so megabytes of Terraform never freeze it. A new query or file set drops the old search.
 */
export function useFileSearch(files: readonly SearchableFile[], query: string): FileSearchState {
  const [state, setState] = useState<FileSearchState>({ searching: false });
  useEffect(() => {
    if (query.trim() === "") {
      setState({ searching: false });
      return;
    }
    setState((previous) => ({ ...previous, searching: true }));
    const search = searchFiles(files, query);
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      const deadline = performance.now() + SLICE_MS;
      for (;;) {
        const next = search.next();
        if (next.done) {
          setState({ searching: false, matches: new Map(next.value.map((match) => [match.path, match])) });
          return;
        }
        if (performance.now() >= deadline) break;
      }
      timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [files, query]);
  return state;
}
