import { describe, expect, it } from "vitest";
import { readSnapToGrid, readViewport, viewportKey, writeSnapToGrid, writeViewport } from "./canvas-preferences";

/** A Storage over a Map, as the browser's localStorage behaves; `full` makes every write throw like a full quota. */
function memoryStorage(full = false): Storage {
  const entries = new Map<string, string>();
  return {
    get length() {
      return entries.size;
    },
    clear: () => entries.clear(),
    getItem: (key) => entries.get(key) ?? null,
    key: (index) => [...entries.keys()][index] ?? null,
    removeItem: (key) => void entries.delete(key),
    setItem: (key, value) => {
      if (full) throw new DOMException("quota", "QuotaExceededError");
      entries.set(key, value);
    },
  };
}

describe("canvas preferences", () => {
  it("remembers a viewport per design, rounded", () => {
    const storage = memoryStorage();
    writeViewport(storage, "d1", { x: 10.4, y: -20.6, zoom: 0.61234 });
    expect(readViewport(storage, "d1")).toEqual({ x: 10, y: -21, zoom: 0.612 });
    expect(readViewport(storage, "d2")).toBeUndefined();
  });

  it("reads junk, a zero zoom or a full storage as nothing remembered", () => {
    const storage = memoryStorage();
    storage.setItem(viewportKey("junk"), "{not json");
    storage.setItem(viewportKey("zero"), JSON.stringify({ x: 0, y: 0, zoom: 0 }));
    expect(readViewport(storage, "junk")).toBeUndefined();
    expect(readViewport(storage, "zero")).toBeUndefined();
    const full = memoryStorage(true);
    writeViewport(full, "d1", { x: 1, y: 2, zoom: 1 });
    expect(readViewport(full, "d1")).toBeUndefined();
    expect(readViewport(undefined, "d1")).toBeUndefined();
  });

  it("remembers snap to grid, off until turned on", () => {
    const storage = memoryStorage();
    expect(readSnapToGrid(storage)).toBe(false);
    writeSnapToGrid(storage, true);
    expect(readSnapToGrid(storage)).toBe(true);
    writeSnapToGrid(storage, false);
    expect(readSnapToGrid(storage)).toBe(false);
  });
});
