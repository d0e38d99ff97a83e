import type { Viewport } from "./viewport";

/*
 * Canvas preferences kept in this browser: the last viewport of each design and whether cards snap to the
 * grid. They are UI state like a window position, so never part of the design file or its history. Storage
 * may be missing, full or hold junk; all of those read as "nothing remembered".
 */
const VIEWPORT_KEY_PREFIX = "archway:viewport:";
const SNAP_KEY = "archway:snap-to-grid";

export function viewportKey(designId: string): string {
  return `${VIEWPORT_KEY_PREFIX}${designId}`;
}

function isViewport(value: unknown): value is Viewport {
  if (typeof value !== "object" || value === null) return false;
  const { x, y, zoom } = value as Record<string, unknown>;
  return [x, y, zoom].every((part) => typeof part === "number" && Number.isFinite(part)) && (zoom as number) > 0;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function readViewport(storage: Storage | undefined, designId: string): Viewport | undefined {
  return safely(() => {
    const text = storage?.getItem(viewportKey(designId));
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    return isViewport(value) ? { x: value.x, y: value.y, zoom: value.zoom } : undefined;
  }, undefined);
}

export function writeViewport(storage: Storage | undefined, designId: string, viewport: Viewport): void {
  const rounded = { x: Math.round(viewport.x), y: Math.round(viewport.y), zoom: Math.round(viewport.zoom * 1000) / 1000 };
  safely(() => storage?.setItem(viewportKey(designId), JSON.stringify(rounded)), undefined);
}

export function readSnapToGrid(storage: Storage | undefined): boolean {
  return safely(() => storage?.getItem(SNAP_KEY) === "on", false);
}

export function writeSnapToGrid(storage: Storage | undefined, on: boolean): void {
  safely(() => storage?.setItem(SNAP_KEY, on ? "on" : "off"), undefined);
}

/** The browser's local storage, or undefined where there is none (server rendering, storage disabled). */
export function browserStorage(): Storage | undefined {
  return safely(() => (typeof window === "undefined" ? undefined : window.localStorage), undefined);
}
