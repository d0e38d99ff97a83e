import type { Design } from "@/lib/model";
import type { UndoBehaviour } from "../history";
import type { Selection } from "../selection";

export interface CommandResult {
  design: Design;
  /** Selection after the command, e.g. the item just added; unchanged when absent. */
  selection?: Selection;
  /** Why nothing changed, in words for the person (a refused connection, a zone that cannot go there). */
  refused?: string;
}

/** A named change to the design that says how it enters the undo history. */
export interface Command {
  label: string;
  undo: UndoBehaviour;
  run(design: Design): CommandResult;
}

export function refuse(design: Design, reason: string): CommandResult {
  return { design, refused: reason };
}
