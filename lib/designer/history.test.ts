import { describe, expect, it } from "vitest";
import { createEmptyDesign, type Design } from "@/lib/model";
import { canRedo, canUndo, commit, createHistory, HISTORY_LIMIT, mergeInto, NO_UNDO, RECORD, redo, sealBurst, undo } from "./history";

const named = (name: string): Design => ({ ...createEmptyDesign("start"), name });

describe("history", () => {
  it("records a step per command and walks back and forth", () => {
    let history = createHistory(named("a"));
    history = commit(history, named("b"), RECORD);
    history = commit(history, named("c"), RECORD);
    expect(history.past.map((design) => design.name)).toEqual(["a", "b"]);
    history = undo(history);
    expect(history.present.name).toBe("b");
    expect(canRedo(history)).toBe(true);
    history = redo(history);
    expect(history.present.name).toBe("c");
    expect(canRedo(history)).toBe(false);
  });

  it("merges a burst with the same key into one step until the burst is sealed", () => {
    let history = createHistory(named("a"));
    history = commit(history, named("ab"), mergeInto("field:name"));
    history = commit(history, named("abc"), mergeInto("field:name"));
    expect(history.past).toHaveLength(1);
    expect(undo(history).present.name).toBe("a");

    history = sealBurst(history);
    history = commit(history, named("abcd"), mergeInto("field:name"));
    expect(history.past).toHaveLength(2);
    expect(undo(history).present.name).toBe("abc");
  });

  it("starts a new step when another field or a recorded command interrupts a burst", () => {
    let history = createHistory(named("a"));
    history = commit(history, named("b"), mergeInto("one"));
    history = commit(history, named("c"), mergeInto("two"));
    history = commit(history, named("d"), mergeInto("two"));
    history = commit(history, named("e"), RECORD);
    history = commit(history, named("f"), mergeInto("two"));
    expect([...history.past.map((design) => design.name), history.present.name]).toEqual(["a", "b", "d", "e", "f"]);
  });

  it("a new edit after undo drops the redo branch", () => {
    let history = commit(createHistory(named("a")), named("b"), RECORD);
    history = undo(history);
    history = commit(history, named("c"), RECORD);
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present.name).toBe("a");
  });

  it("a replacement from outside has no undo step and clears the history", () => {
    let history = commit(createHistory(named("a")), named("b"), RECORD);
    history = commit(history, named("server"), NO_UNDO);
    expect(history.present.name).toBe("server");
    expect(canUndo(history)).toBe(false);
    expect(canRedo(history)).toBe(false);
  });

  it("ignores a commit that changes nothing and undo/redo at the ends", () => {
    const start = createHistory(named("a"));
    expect(commit(start, start.present, RECORD)).toBe(start);
    expect(undo(start)).toBe(start);
    expect(redo(start)).toBe(start);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let history = createHistory(named("0"));
    for (let n = 1; n <= HISTORY_LIMIT + 5; n += 1) history = commit(history, named(String(n)), RECORD);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0].name).toBe("5");
  });
});
