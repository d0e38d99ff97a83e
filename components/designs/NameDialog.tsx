"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { DialogActions, ModalDialog } from "@/components/persistence/ModalDialog";
import styles from "./DesignsPage.module.css";
import { NameField } from "./NameField";

interface NameDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  onClose: () => void;
  /** Resolves to an error message to show, or null when done. */
  onSubmit: (name: string) => Promise<string | null>;
}

/** Asks for a design name (new design, rename); the form stays open with the reason if the server refuses. */
export function NameDialog({ open, title, submitLabel, initialName, onClose, onSubmit }: NameDialogProps) {
  return (
    <ModalDialog open={open} onClose={onClose} title={title}>
      {/* Remounted per opening, so the field starts from the current name every time. */}
      {open ? <NameForm submitLabel={submitLabel} initialName={initialName} onCancel={onClose} onSubmit={onSubmit} /> : null}
    </ModalDialog>
  );
}

function NameForm({ submitLabel, initialName, onCancel, onSubmit }: Omit<NameDialogProps, "open" | "title" | "onClose"> & { onCancel: () => void }) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();

  return (
    <form
      className={styles.form}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!trimmed) {
          setError("A design needs a name.");
          return;
        }
        setBusy(true);
        const failure = await onSubmit(trimmed);
        setBusy(false);
        setError(failure);
      }}
    >
      <NameField
        value={name}
        error={error}
        onChange={(next) => {
          setName(next);
          setError(null);
        }}
      />
      <DialogActions>
        <Button onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
