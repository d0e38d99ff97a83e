"use client";

import { useCallback, useEffect, useState } from "react";
import type { VersionSummary } from "@/lib/designer/persistence/api-client";
import { formatMoment } from "@/lib/designer/persistence/time-format";
import type { DesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import { Button } from "@/components/ui/Button";
import { ModalDialog } from "./ModalDialog";
import styles from "./VersionsPanel.module.css";

interface VersionsPanelProps {
  persistence: DesignPersistence;
  open: boolean;
  onClose: () => void;
}

type Listing = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; versions: VersionSummary[] };

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

interface NameFormProps {
  version: VersionSummary;
  onSave: (label: string | null) => Promise<boolean>;
  onCancel: () => void;
}

/** Names one version; an empty name removes it. A form, so Enter saves. */
function NameForm({ version, onSave, onCancel }: NameFormProps) {
  const [text, setText] = useState(version.label ?? "");
  const [saving, setSaving] = useState(false);
  return (
    <form
      className={styles.nameForm}
      onSubmit={async (event) => {
        event.preventDefault();
        setSaving(true);
        const saved = await onSave(text.trim() === "" ? null : text.trim());
        if (!saved) setSaving(false);
      }}
    >
      <input
        className={styles.nameInput}
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.target.value)}
        aria-label={`Name of revision ${version.revision}`}
        placeholder="e.g. Before the review"
        autoFocus
      />
      <Button size="small" type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save name"}
      </Button>
      <Button size="small" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
    </form>
  );
}

/** Every kept revision, newest first; restoring one saves it again as the newest revision, naming one keeps it. */
export function VersionsPanel({ persistence, open, onClose }: VersionsPanelProps) {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [restoring, setRestoring] = useState<number | null>(null);
  const [naming, setNaming] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const { list, restore, label } = persistence.versions;

  const load = useCallback(async () => {
    setListing({ state: "loading" });
    const result = await list();
    if (result.kind === "ok") setListing({ state: "ready", versions: [...result.versions].sort((a, b) => b.revision - a.revision) });
    else setListing({ state: "error", message: result.message });
  }, [list]);

  useEffect(() => {
    if (!open) return;
    setMessage(null);
    void load();
  }, [open, load]);

  async function restoreRevision(revision: number) {
    setRestoring(revision);
    setMessage(null);
    const result = await restore(revision);
    setRestoring(null);
    if (result.kind === "ok") {
      setMessage({ tone: "info", text: `Restored revision ${revision}. It is now saved as revision ${result.revision}.` });
      void load();
    } else if (result.kind === "conflict") {
      onClose();
    } else {
      setMessage({ tone: "error", text: result.message });
    }
  }

  async function nameRevision(revision: number, name: string | null): Promise<boolean> {
    setMessage(null);
    const result = await label(revision, name);
    if (result.kind === "error") {
      setMessage({ tone: "error", text: result.message });
      return false;
    }
    setNaming(null);
    setMessage({ tone: "info", text: name === null ? `Revision ${revision} has no name any more.` : `Revision ${revision} is named “${name}” and kept for good.` });
    setListing((current) =>
      current.state === "ready"
        ? { state: "ready", versions: current.versions.map((version) => (version.revision === revision ? result.version : version)) }
        : current,
    );
    return true;
  }

  const now = Date.now();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Versions"
      placement="side"
      description="Every save keeps a version: all from the last hour, then one per 10 minutes for a day, one per day after, at most 200. Named versions are kept for good. Restoring one saves it again as the newest revision."
    >
      <p role="status" className={message?.tone === "error" ? styles.error : styles.info}>
        {message?.text ?? ""}
      </p>
      {listing.state === "loading" ? <p className={styles.muted}>Loading versions…</p> : null}
      {listing.state === "error" ? (
        <div role="alert" className={styles.error}>
          <p>Could not load versions: {listing.message}</p>
          <Button size="small" onClick={() => void load()}>
            Try again
          </Button>
        </div>
      ) : null}
      {listing.state === "ready" ? (
        <ol className={styles.list} aria-label="Saved versions">
          {listing.versions.map((version) => {
            const current = version.revision === persistence.revision;
            return (
              <li key={version.revision} className={styles.version}>
                <div className={styles.versionText}>
                  <span className={styles.versionTitle}>
                    {version.label ?? `Revision ${version.revision}`}
                    {current ? <span className={styles.badge}>Current</span> : null}
                  </span>
                  <span className={styles.muted}>
                    {version.label === null ? null : `Revision ${version.revision} · `}
                    <time dateTime={version.createdAt}>{formatMoment(Date.parse(version.createdAt), now)}</time> · {plural(version.componentCount, "component")}
                  </span>
                  {naming === version.revision ? (
                    <NameForm version={version} onSave={(name) => nameRevision(version.revision, name)} onCancel={() => setNaming(null)} />
                  ) : null}
                </div>
                <div className={styles.actions}>
                  {naming === version.revision ? null : (
                    <Button size="small" onClick={() => setNaming(version.revision)} aria-label={`${version.label === null ? "Name this version" : "Rename"}: revision ${version.revision}`}>
                      {version.label === null ? "Name this version" : "Rename"}
                    </Button>
                  )}
                  {current ? null : (
                    <Button
                      size="small"
                      disabled={restoring !== null}
                      onClick={() => void restoreRevision(version.revision)}
                      aria-label={`Restore revision ${version.revision}`}
                    >
                      {restoring === version.revision ? "Restoring…" : "Restore"}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
    </ModalDialog>
  );
}
