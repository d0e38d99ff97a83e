import type { Design } from "@/lib/model";
import { isRetryable, type ApiResult, type RevisionedDocument } from "./api-client";
import { sameDocument } from "./same-document";

export type SaveStatus = "saved" | "saving" | "unsaved" | "offline" | "conflict" | "error";

export interface AutosaveState {
  status: SaveStatus;
  /** Server revision the next save is based on. */
  revision: number;
  /** What the server holds when status is "conflict". */
  conflict: RevisionedDocument | null;
  /** Why the last save failed ("offline" and "error"). */
  error: string | null;
  /** Failed attempts in a row while offline. */
  retryAttempt: number;
}

export interface SaveRequest {
  baseRevision: number;
  document: Design;
  keepalive: boolean;
}

export type SaveFunction = (request: SaveRequest) => Promise<ApiResult<{ revision: number }>>;

export interface AutosaveOptions {
  save: SaveFunction;
  /** Revision and document the server holds when editing starts. */
  initialRevision: number;
  initialDocument: Design;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Longest a change waits while editing goes on without a pause. */
  maxWaitMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  random?: () => number;
  /** Called when the server confirmed `document` as `revision`, also after dispose(). */
  onSaved?: (saved: RevisionedDocument) => void;
}

export const AUTOSAVE_DEFAULTS = { debounceMs: 800, maxWaitMs: 2000, retryBaseMs: 1000, retryMaxMs: 30_000 } as const;

/**
 * Exponential backoff with jitter (002 "Retry with Backoff": wait 1 s, 2 s, 4 s, 8 s, plus random(0, 1 s)).
 * Unlike a request retry, an autosave never gives up: the wait stops growing at `maxMs` instead, because
 * giving up would mean dropping the person's work.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return exponential + Math.floor(random() * baseMs);
}

type Timer = ReturnType<typeof setTimeout>;
type Listener = (state: AutosaveState) => void;

/**
 * Saves the latest design to the server without losing any of it: debounced, one request in flight,
 * every save based on the revision the server last confirmed. A 409 stops saving until the caller
 * resolves the conflict; network and 5xx failures retry with backoff. Framework-free, so it is tested
 * with fake timers and a fake server.
 */
export class AutosaveController {
  private readonly options: Required<Omit<AutosaveOptions, "onSaved">> & Pick<AutosaveOptions, "onSaved">;
  private state: AutosaveState;
  private readonly listeners = new Set<Listener>();

  private latest: Design;
  private latestVersion = 0;
  private savedVersion = 0;
  private inFlight = false;
  /** A save was due while another was in flight; send as soon as it returns. */
  private saveQueued = false;
  /** Bumped by reset() and dispose(), so answers to older requests are ignored. */
  private epoch = 0;
  private disposed = false;

  private debounceTimer: Timer | null = null;
  private maxWaitTimer: Timer | null = null;
  private retryTimer: Timer | null = null;
  private waiters: ((state: AutosaveState) => void)[] = [];

  constructor(options: AutosaveOptions) {
    this.options = {
      debounceMs: AUTOSAVE_DEFAULTS.debounceMs,
      maxWaitMs: AUTOSAVE_DEFAULTS.maxWaitMs,
      retryBaseMs: AUTOSAVE_DEFAULTS.retryBaseMs,
      retryMaxMs: AUTOSAVE_DEFAULTS.retryMaxMs,
      random: Math.random,
      ...options,
    };
    this.latest = options.initialDocument;
    this.state = { status: "saved", revision: options.initialRevision, conflict: null, error: null, retryAttempt: 0 };
  }

  getState(): AutosaveState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The newest document the editor produced, saved or not. */
  latestDocument(): Design {
    return this.latest;
  }

  hasUnsavedChanges(): boolean {
    return this.latestVersion !== this.savedVersion;
  }

  change(document: Design): void {
    if (this.disposed) return;
    this.latest = document;
    this.latestVersion += 1;
    const status = this.state.status;
    if (status === "conflict") return;
    if (status === "offline" && this.retryTimer) return;
    if (!this.inFlight) this.update({ status: "unsaved", error: null });
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.due(), this.options.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => this.due(), this.options.maxWaitMs);
  }

  /** Save now and resolve once the save has settled (saved, offline, error or conflict). */
  saveNow(): Promise<AutosaveState> {
    if (this.disposed) return Promise.resolve(this.state);
    const settled = new Promise<AutosaveState>((resolve) => this.waiters.push(resolve));
    if (this.state.status === "offline") this.clearRetry();
    if (this.state.status !== "conflict") this.due();
    this.resolveWaitersIfSettled();
    return settled;
  }

  /** Try again at once after the browser reports it is back online. */
  retryNow(): void {
    if (this.disposed || this.state.status !== "offline") return;
    this.clearRetry();
    this.due();
  }

  /** The page is going away: send what is unsaved with a request that outlives it. */
  flushOnExit(): void {
    if (this.disposed || this.state.status === "conflict" || !this.hasUnsavedChanges()) return;
    if (this.inFlight) {
      this.saveQueued = true;
      return;
    }
    this.clearTimers();
    this.send(true);
  }

  /** Adopt what the server holds (after reloading theirs or restoring a version); drops the conflict. */
  reset(revision: number, document: Design): void {
    this.epoch += 1;
    this.clearTimers();
    this.inFlight = false;
    this.saveQueued = false;
    this.latest = document;
    this.latestVersion += 1;
    this.savedVersion = this.latestVersion;
    this.update({ status: "saved", revision, conflict: null, error: null, retryAttempt: 0 });
    this.resolveWaitersIfSettled();
  }

  /** Another request (a version restore) found the design changed underneath. */
  reportConflict(current: RevisionedDocument): void {
    this.clearTimers();
    this.update({ status: "conflict", conflict: current, error: null });
    this.resolveWaitersIfSettled();
  }

  /** Stop scheduling; unsaved work goes out in one last keepalive request whose success still reaches onSaved. */
  dispose(): void {
    if (this.disposed) return;
    this.flushOnExit();
    this.clearTimers();
    this.disposed = true;
    this.listeners.clear();
    this.resolveWaitersIfSettled(true);
  }

  private due(): void {
    this.clearTimers();
    if (this.inFlight) {
      this.saveQueued = true;
      return;
    }
    this.send(false);
  }

  private send(keepalive: boolean): void {
    if (!this.hasUnsavedChanges()) {
      if (this.state.status !== "saved") this.update({ status: "saved", error: null, retryAttempt: 0 });
      this.resolveWaitersIfSettled();
      return;
    }
    const epoch = this.epoch;
    const version = this.latestVersion;
    const document = this.latest;
    const baseRevision = this.state.revision;
    this.inFlight = true;
    this.saveQueued = false;
    // While offline the status stays "offline" during retries, so it does not flicker with every attempt.
    if (!this.disposed && this.state.status !== "offline") this.update({ status: "saving" });
    let answer: Promise<ApiResult<{ revision: number }>>;
    try {
      answer = this.options.save({ baseRevision, document, keepalive });
    } catch (error) {
      answer = Promise.resolve({ kind: "network", error: error instanceof Error ? error.message : "The save could not be sent" });
    }
    answer.then(
      (result) => this.settle(epoch, version, document, result),
      (error: unknown) => this.settle(epoch, version, document, { kind: "network", error: error instanceof Error ? error.message : "The save failed" }),
    );
  }

  private settle(epoch: number, version: number, document: Design, result: ApiResult<{ revision: number }>): void {
    if (epoch !== this.epoch) return;
    this.inFlight = false;
    if (result.kind === "conflict" && sameDocument(result.current.document, document)) {
      // An earlier attempt reached the server although its answer was lost: this is our own save.
      result = { kind: "ok", value: { revision: result.current.revision } };
    }
    if (result.kind === "ok") {
      this.savedVersion = Math.max(this.savedVersion, version);
      this.options.onSaved?.({ revision: result.value.revision, document });
      this.update({ revision: result.value.revision, error: null, retryAttempt: 0 });
      if (this.saveQueued) this.send(this.disposed);
      else if (!this.disposed) this.update({ status: this.hasUnsavedChanges() ? "unsaved" : "saved" });
    } else if (this.disposed) {
      return;
    } else if (result.kind === "conflict") {
      this.clearTimers();
      this.saveQueued = false;
      this.update({ status: "conflict", conflict: result.current, error: null });
    } else if (isRetryable(result)) {
      this.clearTimers();
      this.saveQueued = false;
      const attempt = this.state.retryAttempt + 1;
      const delay = retryDelayMs(attempt, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.due();
      }, delay);
      this.update({ status: "offline", error: result.error, retryAttempt: attempt });
    } else {
      this.clearTimers();
      this.saveQueued = false;
      this.update({ status: "error", error: result.error, retryAttempt: 0 });
    }
    this.resolveWaitersIfSettled();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearTimers(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
    this.clearRetry();
  }

  private resolveWaitersIfSettled(force = false): void {
    if (this.waiters.length === 0) return;
    const settled = !this.inFlight && !this.saveQueued && !this.debounceTimer && (this.state.status !== "unsaved" && this.state.status !== "saving");
    if (!settled && !force) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(this.state);
  }

  private update(patch: Partial<AutosaveState>): void {
    // Listeners re-render views; a change that alters nothing must not wake them on every keystroke.
    const keys = Object.keys(patch) as (keyof AutosaveState)[];
    if (keys.every((key) => this.state[key] === patch[key])) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
