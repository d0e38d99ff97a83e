"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { DialogActions, ModalDialog } from "@/components/persistence/ModalDialog";

interface DeleteDialogProps {
  designName: string | null;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}

/** Deleting cannot be undone, so it asks first and names what goes. */
export function DeleteDialog({ designName, onClose, onConfirm }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog
      open={designName !== null}
      onClose={onClose}
      title={`Delete “${designName ?? ""}”?`}
      description="The design and all its saved versions are removed. This cannot be undone."
    >
      <DialogActions>
        <Button onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onConfirm();
            setBusy(false);
          }}
        >
          Delete design
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
