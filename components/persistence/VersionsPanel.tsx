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

/** Every saved revision, newest first; restoring one saves it again as the newest revision. */
export function VersionsPanel({ persistence, open, onClose }: VersionsPanelProps) {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [restoring, setRestoring] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const { list, restore } = persistence.versions;

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

  const now = Date.now();
  return (
    <ModalDialog open={open} onClose={onClose} title="Versions" placement="side" description="Every save keeps a version. Restoring one saves it again as the newest revision; nothing is deleted.">
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
                    Revision {version.revision}
                    {current ? <span className={styles.badge}>Current</span> : null}
                  </span>
                  <span className={styles.muted}>
                    <time dateTime={version.createdAt}>{formatMoment(Date.parse(version.createdAt), now)}</time> · {plural(version.componentCount, "component")}
                  </span>
                </div>
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
              </li>
            );
          })}
        </ol>
      ) : null}
    </ModalDialog>
  );
}
