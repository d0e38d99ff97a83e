import { z } from "zod";
import { minimizeDesign, parseDesign, type Design } from "@/lib/model";
import { canonicalJson, sameDocument } from "./same-document";

/** A copy of the latest edit, kept in the browser until the server confirms exactly this document. */
export interface Draft {
  /** Server revision the edits were based on. */
  baseRevision: number;
  /** When the draft was written, in ms since the epoch. */
  savedAt: number;
  document: Design;
}

export type DraftWriteResult = { ok: true } | { ok: false; reason: "quota" | "unavailable"; message: string };

/** The part of the Web Storage API drafts need, so tests can pass a fake. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const DRAFT_KEY_PREFIX = "archway:draft:";

export function draftKey(designId: string): string {
  return `${DRAFT_KEY_PREFIX}${designId}`;
}

const StoredDraftSchema = z.object({ baseRevision: z.number().int(), savedAt: z.number(), document: z.unknown() });

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || (error as { code?: number }).code === 22;
}

/** Drafts of every design, one storage key per design id. Storage failures are reported, never thrown. */
export class DraftStore {
  constructor(private readonly storage: DraftStorage | null) {}

  /** The stored draft, or null when there is none or it no longer parses (a broken draft is removed). */
  read(designId: string): Draft | null {
    const text = this.safely(() => this.storage?.getItem(draftKey(designId)) ?? null, null);
    if (text === null) return null;
    let stored: z.infer<typeof StoredDraftSchema> | null = null;
    try {
      const parsed = StoredDraftSchema.safeParse(JSON.parse(text));
      if (parsed.success) stored = parsed.data;
    } catch {
      stored = null;
    }
    const document = stored ? parseDesign(stored.document) : null;
    if (!stored || !document?.success) {
      this.clear(designId);
      return null;
    }
    return { baseRevision: stored.baseRevision, savedAt: stored.savedAt, document: document.design };
  }

  write(designId: string, draft: Draft): DraftWriteResult {
    if (!this.storage) return { ok: false, reason: "unavailable", message: "This browser keeps no local copy of your changes." };
    try {
      // Minimal form, as on the server: browser storage holds a few megabytes, an expanded design is four times larger.
      this.storage.setItem(draftKey(designId), JSON.stringify({ ...draft, document: minimizeDesign(draft.document) }));
      return { ok: true };
    } catch (error) {
      if (isQuotaError(error)) {
        // A stale, smaller draft would be worse than none: it could be offered back as if it were the latest.
        this.clear(designId);
        return { ok: false, reason: "quota", message: "Browser storage is full, so no local copy of your changes is kept. Saving to the server goes on." };
      }
      return { ok: false, reason: "unavailable", message: "This browser refused to keep a local copy of your changes." };
    }
  }

  clear(designId: string): void {
    this.safely(() => this.storage?.removeItem(draftKey(designId)), undefined);
  }

  /** Remove the draft only if it holds exactly `document`: a newer draft must survive an older save or discard. */
  clearIfHolds(designId: string, document: Design): void {
    const text = this.safely(() => this.storage?.getItem(draftKey(designId)) ?? null, null);
    if (text === null) return;
    try {
      const stored = StoredDraftSchema.safeParse(JSON.parse(text));
      if (stored.success && canonicalJson(stored.data.document) !== canonicalJson(minimizeDesign(document))) return;
    } catch {
      // An unreadable draft is of no use to anyone; fall through and remove it.
    }
    this.clear(designId);
  }

  private safely<T>(action: () => T, fallback: T): T {
    try {
      return action();
    } catch {
      return fallback;
    }
  }
}

/** A draft worth offering back: it exists and differs from what the server sent. */
export function draftToOffer(draft: Draft | null, serverDocument: Design): Draft | null {
  if (!draft || sameDocument(draft.document, serverDocument)) return null;
  return draft;
}

export interface DraftWriterOptions {
  store: DraftStore;
  designId: string;
  /** Runs the callback before the next paint (requestAnimationFrame in the browser); returns a cancel function. */
  scheduleFrame: (callback: () => void) => () => void;
  now: () => number;
  onResult?: (result: DraftWriteResult) => void;
}

/**
 * Writes at most one draft per animation frame, always the newest: serialising a large design on
 * every keystroke would be wasted work, but a frame is short enough that a closed tab loses nothing
 * once flush() runs on pagehide.
 */
export class DraftWriter {
  private pending: { baseRevision: number; document: Design } | null = null;
  private cancelFrame: (() => void) | null = null;

  constructor(private readonly options: DraftWriterOptions) {}

  schedule(baseRevision: number, document: Design): void {
    this.pending = { baseRevision, document };
    this.cancelFrame ??= this.options.scheduleFrame(() => {
      this.cancelFrame = null;
      this.flush();
    });
  }

  flush(): void {
    if (this.cancelFrame) {
      this.cancelFrame();
      this.cancelFrame = null;
    }
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const result = this.options.store.write(this.options.designId, { ...pending, savedAt: this.options.now() });
    this.options.onResult?.(result);
  }

  /** Forget a write not yet done (the person chose to discard their changes). */
  cancel(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.pending = null;
  }
}
