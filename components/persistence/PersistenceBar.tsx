"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { DesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import { Button } from "@/components/ui/Button";
import { ConflictDialog } from "./ConflictDialog";
import { DraftBanner } from "./DraftBanner";
import styles from "./PersistenceBar.module.css";
import { SaveStatusIndicator } from "./SaveStatusIndicator";

// Loaded when the panel first opens.
const VersionsPanel = dynamic(() => import("./VersionsPanel").then((module) => module.VersionsPanel), { ssr: false });

/** Save status, the conflict dialog, the unsaved-draft banner and the version history of one design. */
export function PersistenceBar({ persistence }: { persistence: DesignPersistence }) {
  const [versionsOpen, setVersionsOpen] = useState(false);
  // Mounted from the first opening on, so closing it returns focus like any dialog.
  const [versionsUsed, setVersionsUsed] = useState(false);
  // The conflict dialog may be closed to look at the canvas; a newer conflict opens it again.
  const [dismissedConflict, setDismissedConflict] = useState<number | null>(null);
  const conflict = persistence.conflict;

  return (
    <div className={styles.bar}>
      <SaveStatusIndicator persistence={persistence} onResolveConflict={() => setDismissedConflict(null)} />
      <Button
        size="small"
        onClick={() => {
          setVersionsUsed(true);
          setVersionsOpen(true);
        }}
      >
        Versions
      </Button>
      {versionsUsed ? <VersionsPanel persistence={persistence} open={versionsOpen} onClose={() => setVersionsOpen(false)} /> : null}
      {conflict ? (
        <ConflictDialog
          conflict={conflict}
          open={dismissedConflict !== conflict.theirRevision}
          onClose={() => setDismissedConflict(conflict.theirRevision)}
        />
      ) : null}
      {persistence.draft ? <DraftBanner draft={persistence.draft} /> : null}
    </div>
  );
}
