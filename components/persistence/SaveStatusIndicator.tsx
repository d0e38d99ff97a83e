import type { DesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import { formatMoment } from "@/lib/designer/persistence/time-format";
import { Button } from "@/components/ui/Button";
import styles from "./PersistenceBar.module.css";

const LABELS: Record<DesignPersistence["status"], string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  offline: "Offline: changes kept on this device",
  conflict: "Not saved: someone else saved this design",
  error: "Not saved",
};

interface SaveStatusIndicatorProps {
  persistence: DesignPersistence;
  onResolveConflict: () => void;
}

/** The save status in words, announced politely, with the one action that helps in each failure. */
export function SaveStatusIndicator({ persistence, onResolveConflict }: SaveStatusIndicatorProps) {
  const { status, error, revision, lastSavedAt, storageWarning } = persistence;
  const detail =
    status === "saved" && lastSavedAt !== null
      ? `Saved at ${formatMoment(lastSavedAt, Date.now())}, revision ${revision}`
      : status === "error" || status === "offline"
        ? (error ?? undefined)
        : `Revision ${revision}`;
  return (
    <div className={styles.status}>
      <span className={`${styles.dot} ${styles[status]}`} aria-hidden="true" />
      <span role="status" aria-live="polite" className={styles.statusText} title={detail}>
        {status === "offline" && storageWarning ? "Offline: not saved yet" : LABELS[status]}
        {status === "error" && error ? `: ${error}` : null}
      </span>
      {status === "offline" || status === "error" ? (
        <Button size="small" variant="ghost" onClick={persistence.saveNow}>
          {status === "offline" ? "Retry now" : "Try again"}
        </Button>
      ) : null}
      {status === "conflict" ? (
        <Button size="small" onClick={onResolveConflict}>
          Resolve…
        </Button>
      ) : null}
      {storageWarning ? (
        <span role="status" className={styles.storageWarning} title={storageWarning}>
          No local copy
          <span className="visually-hidden">: {storageWarning}</span>
        </span>
      ) : null}
    </div>
  );
}
