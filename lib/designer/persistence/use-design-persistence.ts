"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { LIMITS, type Design } from "@/lib/model";
import type { DiffSection } from "@/lib/review/format-diff";
import { createDesignsApi, type ApiFailure, type VersionSummary } from "./api-client";
import { AutosaveController, type AutosaveState, type SaveStatus } from "./autosave";
import { DraftStore, draftToOffer, DraftWriter, type Draft } from "./drafts";

export interface UseDesignPersistenceOptions {
  designId: string;
  /** Revision of `design` as loaded from the server. */
  initialRevision: number;
  /** The editor store's current design; every new object counts as a change. */
  design: Design;
  /** Load a design into the store without an undo entry. */
  replaceDesign: (design: Design) => void;
}

export interface ConflictInfo {
  theirRevision: number;
  theirDocument: Design;
  /** A copy is being created. */
  busy: boolean;
  /** Why keeping a copy failed. */
  error: string | null;
  /** Drop local changes and load what the server holds. */
  reloadTheirs: () => void;
  /** Save the local design as a new design and open it. */
  keepMineAsCopy: () => Promise<void>;
}

export interface DraftOffer {
  /** When the unsaved changes were written, in ms since the epoch. */
  savedAt: number;
  baseRevision: number;
  /** The server saved newer revisions after the one the draft started from. */
  serverMovedOn: boolean;
  restoreDraft: () => void;
  discardDraft: () => void;
}

export type VersionListResult = { kind: "ok"; versions: VersionSummary[] } | { kind: "error"; message: string };
export type VersionRestoreResult = { kind: "ok"; revision: number } | { kind: "conflict" } | { kind: "error"; message: string };
export type VersionLabelResult = { kind: "ok"; version: VersionSummary } | { kind: "error"; message: string };
export type VersionCompareResult = { kind: "ok"; outline: DiffSection[] } | { kind: "error"; message: string };

export interface DesignPersistence {
  status: SaveStatus;
  revision: number;
  /** Why saving is failing (status "offline" or "error"). */
  error: string | null;
  /** Local drafts cannot be kept (storage full or blocked); saving to the server goes on. */
  storageWarning: string | null;
  lastSavedAt: number | null;
  conflict: ConflictInfo | null;
  draft: DraftOffer | null;
  versions: {
    list: () => Promise<VersionListResult>;
    restore: (revision: number) => Promise<VersionRestoreResult>;
    /** Names a version (kept forever) or, with null, removes its name. */
    label: (revision: number, label: string | null) => Promise<VersionLabelResult>;
    /** What changed from `revision` to `other`: items, settings, findings and simulated load. */
    compare: (revision: number, other: number) => Promise<VersionCompareResult>;
  };
  /** Save at once (the "Try again" button). */
  saveNow: () => void;
}

interface Session {
  controller: AutosaveController;
  drafts: DraftStore;
  writer: DraftWriter;
  /** Last design seen from the editor, so a design this hook loaded itself is not saved back. */
  lastSeen: Design;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function messageOf(failure: ApiFailure): string {
  if (failure.kind === "invalid" && failure.issues.length > 0) {
    return `${failure.error}: ${failure.issues.map((issue) => `${issue.path || "document"} ${issue.message}`).join("; ")}`;
  }
  return failure.error;
}

/** `<name> (my copy)`, shortened to fit the name limit without splitting a surrogate pair. */
function copyName(name: string): string {
  const suffix = " (my copy)";
  const head = name.slice(0, LIMITS.nameLength - suffix.length);
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}${suffix}`;
}

/**
 * Connects the editor's design to the server and to a local draft: autosave with conflict detection,
 * draft recovery after a crash or a dead server, and version history.
 */
export function useDesignPersistence({ designId, initialRevision, design, replaceDesign }: UseDesignPersistenceOptions): DesignPersistence {
  const api = useMemo(() => createDesignsApi(), []);
  const sessionRef = useRef<Session | null>(null);
  const replaceRef = useRef(replaceDesign);
  const initialRevisionRef = useRef(initialRevision);
  const [saveState, setSaveState] = useState<AutosaveState>({ status: "saved", revision: initialRevision, conflict: null, error: null, retryAttempt: 0 });
  const [offeredDraft, setOfferedDraft] = useState<Draft | null>(null);
  const [storageWarning, setStorageWarning] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<number | null>(null);
  const [copying, setCopying] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  useEffect(() => {
    replaceRef.current = replaceDesign;
  }, [replaceDesign]);

  useEffect(() => {
    const drafts = new DraftStore(browserStorage());
    const offer = draftToOffer(drafts.read(designId), design);
    if (!offer) drafts.clear(designId);
    setOfferedDraft(offer);

    const controller = new AutosaveController({
      save: ({ baseRevision, document, keepalive }) => api.saveDesign(designId, baseRevision, document, { keepalive }),
      initialRevision: initialRevisionRef.current,
      initialDocument: design,
      onSaved: ({ document }) => {
        drafts.clearIfHolds(designId, document);
        setLastSavedAt(Date.now());
      },
    });
    const writer = new DraftWriter({
      store: drafts,
      designId,
      scheduleFrame: (callback) => {
        const frame = window.requestAnimationFrame(callback);
        return () => window.cancelAnimationFrame(frame);
      },
      now: Date.now,
      onResult: (result) => setStorageWarning(result.ok ? null : result.message),
    });
    sessionRef.current = { controller, drafts, writer, lastSeen: design };
    setSaveState(controller.getState());
    const unsubscribe = controller.subscribe(setSaveState);

    // The page may never come back: write the draft and send the save now, with a request that outlives it.
    const leave = () => {
      writer.flush();
      controller.flushOnExit();
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") leave();
    };
    const onOnline = () => controller.retryNow();
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", onVisibilityChange);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onVisibilityChange);
      window.removeEventListener("online", onOnline);
      writer.flush();
      unsubscribe();
      controller.dispose();
      sessionRef.current = null;
    };
    // A session belongs to one design id; later designs arrive through the change effect below.
  }, [api, designId]);

  useEffect(() => {
    const session = sessionRef.current;
    if (!session || design === session.lastSeen) return;
    session.lastSeen = design;
    session.controller.change(design);
    session.writer.schedule(session.controller.getState().revision, design);
  }, [design]);

  /** Put a server document into the editor without saving it back or keeping a draft of it. */
  const adopt = useCallback(
    (session: Session, revision: number, document: Design) => {
      session.controller.reset(revision, document);
      session.writer.cancel();
      session.drafts.clear(designId);
      session.lastSeen = document;
      replaceRef.current(document);
    },
    [designId],
  );

  const versions = useMemo<DesignPersistence["versions"]>(
    () => ({
      list: async () => {
        const result = await api.listVersions(designId);
        if (result.kind === "ok") return { kind: "ok", versions: result.value };
        return { kind: "error", message: messageOf(result) };
      },
      restore: async (revision) => {
        const session = sessionRef.current;
        if (!session) return { kind: "error", message: "The editor is closing." };
        // Save first, so the state being replaced is itself kept as a version.
        const settled = await session.controller.saveNow();
        if (settled.status === "conflict") return { kind: "conflict" };
        if (session.controller.hasUnsavedChanges()) {
          return { kind: "error", message: "Your latest changes are not saved yet. Restore a version once they are saved, so they stay in the history." };
        }
        const result = await api.restoreVersion(designId, revision, session.controller.getState().revision);
        if (result.kind === "ok") {
          adopt(session, result.value.revision, result.value.document);
          return { kind: "ok", revision: result.value.revision };
        }
        if (result.kind === "conflict") {
          session.controller.reportConflict(result.current);
          return { kind: "conflict" };
        }
        return { kind: "error", message: messageOf(result) };
      },
      label: async (revision, label) => {
        const result = await api.labelVersion(designId, revision, label);
        if (result.kind === "ok") return { kind: "ok", version: result.value };
        return { kind: "error", message: result.kind === "invalid" && result.issues.length > 0 ? result.issues[0].message : messageOf(result) };
      },
      compare: async (revision, other) => {
        const result = await api.compareVersions(designId, revision, other);
        if (result.kind === "ok") return { kind: "ok", outline: result.value };
        return { kind: "error", message: messageOf(result) };
      },
    }),
    [api, designId, adopt],
  );

  return useMemo<DesignPersistence>(() => {
    const conflict: ConflictInfo | null = saveState.conflict
      ? {
          theirRevision: saveState.conflict.revision,
          theirDocument: saveState.conflict.document,
          busy: copying.busy,
          error: copying.error,
          reloadTheirs: () => {
            const session = sessionRef.current;
            const current = session?.controller.getState().conflict;
            if (!session || !current) return;
            setCopying({ busy: false, error: null });
            adopt(session, current.revision, current.document);
          },
          keepMineAsCopy: async () => {
            const session = sessionRef.current;
            if (!session) return;
            setCopying({ busy: true, error: null });
            session.writer.flush();
            const mine = session.controller.latestDocument();
            const result = await api.importDesign({ ...mine, name: copyName(mine.name) });
            if (result.kind !== "ok") {
              setCopying({ busy: false, error: `Could not save your copy: ${messageOf(result)}` });
              return;
            }
            session.drafts.clear(designId);
            window.location.assign(`/designs/${encodeURIComponent(result.value.id)}`);
          },
        }
      : null;

    const draft: DraftOffer | null = offeredDraft
      ? {
          savedAt: offeredDraft.savedAt,
          baseRevision: offeredDraft.baseRevision,
          serverMovedOn: offeredDraft.baseRevision < initialRevisionRef.current,
          restoreDraft: () => {
            setOfferedDraft(null);
            replaceRef.current(offeredDraft.document);
          },
          discardDraft: () => {
            setOfferedDraft(null);
            sessionRef.current?.drafts.clearIfHolds(designId, offeredDraft.document);
          },
        }
      : null;

    return {
      status: saveState.status,
      revision: saveState.revision,
      error: saveState.error,
      storageWarning,
      lastSavedAt,
      conflict,
      draft,
      versions,
      saveNow: () => {
        void sessionRef.current?.controller.saveNow();
      },
    };
  }, [api, designId, adopt, versions, saveState, offeredDraft, storageWarning, lastSavedAt, copying]);
}
