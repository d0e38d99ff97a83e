import { describe, expect, it, vi } from "vitest";
import { createComponent, createEmptyDesign, minimizeDesign, type Design } from "@/lib/model";
import { draftKey, DraftStore, draftToOffer, DraftWriter, type DraftStorage } from "./drafts";

const base = createEmptyDesign("Shop");
const edit = (n: number): Design => ({ ...base, description: `edit ${n}` });

/** In-memory Storage that can be told to run out of space, as a full localStorage does. */
class FakeStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  full = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe("DraftStore", () => {
  it("keeps one draft per design id and reads it back as a parsed design", () => {
    const storage = new FakeStorage();
    const drafts = new DraftStore(storage);
    expect(drafts.write("shop", { baseRevision: 3, savedAt: 1000, document: edit(1) })).toEqual({ ok: true });
    drafts.write("blog", { baseRevision: 1, savedAt: 2000, document: edit(2) });
    expect(drafts.read("shop")).toEqual({ baseRevision: 3, savedAt: 1000, document: edit(1) });
    expect(drafts.read("blog")?.document).toEqual(edit(2));
    expect([...storage.items.keys()].sort()).toEqual([draftKey("blog"), draftKey("shop")]);
  });

  it("stores a draft in minimal form and reads it back expanded, and still recognises it as the saved document", () => {
    const storage = new FakeStorage();
    const drafts = new DraftStore(storage);
    const design = { ...base, components: [createComponent(base, "service", { x: 0, y: 0 })] };
    drafts.write("shop", { baseRevision: 1, savedAt: 1000, document: design });
    expect(JSON.parse(storage.items.get(draftKey("shop"))!).document).toEqual(minimizeDesign(design));
    expect(drafts.read("shop")?.document).toEqual(design);
    drafts.clearIfHolds("shop", design);
    expect(storage.items.size).toBe(0);
  });

  it("returns null for a missing draft and removes one that no longer parses", () => {
    const storage = new FakeStorage();
    const drafts = new DraftStore(storage);
    expect(drafts.read("shop")).toBeNull();
    storage.items.set(draftKey("shop"), "{not json");
    expect(drafts.read("shop")).toBeNull();
    storage.items.set(draftKey("blog"), JSON.stringify({ baseRevision: 1, savedAt: 1, document: { schemaVersion: 1, name: "" } }));
    expect(drafts.read("blog")).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("clears the draft when the server confirms exactly that document, and keeps a newer one", () => {
    const storage = new FakeStorage();
    const drafts = new DraftStore(storage);
    drafts.write("shop", { baseRevision: 1, savedAt: 1, document: edit(2) });
    drafts.clearIfHolds("shop", edit(1));
    expect(drafts.read("shop")?.document).toEqual(edit(2));
    drafts.clearIfHolds("shop", { ...edit(2) });
    expect(drafts.read("shop")).toBeNull();
  });

  it("reports a full storage without throwing and leaves no stale draft behind", () => {
    const storage = new FakeStorage();
    const drafts = new DraftStore(storage);
    drafts.write("shop", { baseRevision: 1, savedAt: 1, document: edit(1) });
    storage.full = true;
    const result = drafts.write("shop", { baseRevision: 1, savedAt: 2, document: edit(2) });
    expect(result).toMatchObject({ ok: false, reason: "quota" });
    expect(drafts.read("shop")).toBeNull();
  });

  it("works without any storage at all", () => {
    const drafts = new DraftStore(null);
    expect(drafts.write("shop", { baseRevision: 1, savedAt: 1, document: base })).toMatchObject({ ok: false, reason: "unavailable" });
    expect(drafts.read("shop")).toBeNull();
    expect(() => drafts.clear("shop")).not.toThrow();
  });

  it("survives a storage whose every call throws (blocked cookies, private mode)", () => {
    const hostile: DraftStorage = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      removeItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    const drafts = new DraftStore(hostile);
    expect(drafts.read("shop")).toBeNull();
    expect(drafts.write("shop", { baseRevision: 1, savedAt: 1, document: base })).toMatchObject({ ok: false, reason: "unavailable" });
    expect(() => drafts.clearIfHolds("shop", base)).not.toThrow();
  });
});

describe("draftToOffer", () => {
  it("offers a draft only when it differs from the server's document", () => {
    const draft = { baseRevision: 1, savedAt: 1, document: edit(1) };
    expect(draftToOffer(draft, edit(1))).toBeNull();
    expect(draftToOffer(draft, base)).toBe(draft);
    expect(draftToOffer(null, base)).toBeNull();
  });
});

describe("DraftWriter", () => {
  function writerWith(storage: FakeStorage) {
    const frames: (() => void)[] = [];
    const onResult = vi.fn();
    const writer = new DraftWriter({
      store: new DraftStore(storage),
      designId: "shop",
      scheduleFrame: (callback) => {
        frames.push(callback);
        return () => frames.splice(frames.indexOf(callback), 1);
      },
      now: () => 42,
      onResult,
    });
    const runFrames = () => frames.splice(0).forEach((frame) => frame());
    return { writer, frames, runFrames, onResult };
  }

  it("writes once per frame, the newest design", () => {
    const storage = new FakeStorage();
    const { writer, frames, runFrames, onResult } = writerWith(storage);
    writer.schedule(2, edit(1));
    writer.schedule(2, edit(2));
    writer.schedule(2, edit(3));
    expect(frames).toHaveLength(1);
    expect(storage.items.size).toBe(0);
    runFrames();
    expect(new DraftStore(storage).read("shop")).toEqual({ baseRevision: 2, savedAt: 42, document: edit(3) });
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  it("flush writes the pending draft at once, for pagehide", () => {
    const storage = new FakeStorage();
    const { writer, frames } = writerWith(storage);
    writer.schedule(1, edit(1));
    writer.flush();
    expect(frames).toHaveLength(0);
    expect(new DraftStore(storage).read("shop")?.document).toEqual(edit(1));
  });

  it("cancel forgets a pending write", () => {
    const storage = new FakeStorage();
    const { writer, runFrames } = writerWith(storage);
    writer.schedule(1, edit(1));
    writer.cancel();
    runFrames();
    expect(storage.items.size).toBe(0);
  });

  it("passes a quota failure on to whoever shows it", () => {
    const storage = new FakeStorage();
    storage.full = true;
    const { writer, onResult } = writerWith(storage);
    writer.schedule(1, edit(1));
    writer.flush();
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ ok: false, reason: "quota" }));
  });
});
