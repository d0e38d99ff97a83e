import type { ConflictInfo } from "@/lib/designer/persistence/use-design-persistence";
import { Button } from "@/components/ui/Button";
import { DialogActions, ModalDialog } from "./ModalDialog";
import styles from "./PersistenceBar.module.css";

interface ConflictDialogProps {
  conflict: ConflictInfo;
  open: boolean;
  onClose: () => void;
}

/** A stale save was refused (409): the person chooses whose design wins; nothing is overwritten silently. */
export function ConflictDialog({ conflict, open, onClose }: ConflictDialogProps) {
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Someone else saved this design"
      description={
        <>
          <p>
            Revision {conflict.theirRevision} was saved from another tab or by someone else while you were editing, so your changes were not saved over
            it.
          </p>
          <p>Your changes are still here. Reload their version, or keep yours as a new design.</p>
        </>
      }
    >
      {conflict.error ? (
        <p role="alert" className={styles.inlineError}>
          {conflict.error}
        </p>
      ) : null}
      <DialogActions>
        <Button disabled={conflict.busy} onClick={conflict.reloadTheirs}>
          Reload theirs
        </Button>
        <Button variant="primary" disabled={conflict.busy} onClick={() => void conflict.keepMineAsCopy()}>
          {conflict.busy ? "Saving your copy…" : "Keep mine as a copy"}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
