import type { Design } from "@/lib/model";
import { RECORD } from "../history";
import { EMPTY_SELECTION } from "../selection";
import type { Command } from "./types";

/** Replaces the whole document with an imported one; unlike a server reload, the person can undo it. */
export function replaceDocumentCommand(next: Design): Command {
  return { label: "Import design", undo: RECORD, run: () => ({ design: next, selection: EMPTY_SELECTION }) };
}
