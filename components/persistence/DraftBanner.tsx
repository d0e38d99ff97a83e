import type { DraftOffer } from "@/lib/designer/persistence/use-design-persistence";
import { formatMoment } from "@/lib/designer/persistence/time-format";
import { Button } from "@/components/ui/Button";
import styles from "./PersistenceBar.module.css";

/** Offers back changes this browser kept but the server never confirmed. */
export function DraftBanner({ draft }: { draft: DraftOffer }) {
  const time = formatMoment(draft.savedAt, Date.now());
  return (
    <section className={styles.draftBanner} aria-label="Unsaved changes found">
      <div className={styles.draftText}>
        <strong>This browser kept changes that were never saved.</strong>
        <span>
          {draft.serverMovedOn
            ? `They started from revision ${draft.baseRevision}; the design has been saved since. Restoring puts your changes on top.`
            : "They are from your last session in this design."}
        </span>
      </div>
      <div className={styles.draftActions}>
        <Button onClick={draft.discardDraft}>
          Discard
        </Button>
        <Button variant="primary" onClick={draft.restoreDraft}>
          Restore unsaved changes from {time}
        </Button>
      </div>
    </section>
  );
}
