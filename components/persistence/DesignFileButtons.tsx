"use client";

import { useState } from "react";
import type { Design, DesignIssue } from "@/lib/model";
import { designFileName } from "@/lib/designer/persistence/design-file";
import { canonicalDesignText } from "@/lib/model";
import { Button } from "@/components/ui/Button";
import styles from "./DesignFileButtons.module.css";
import { ImportErrorAlert } from "./ImportErrorAlert";
import { ImportJsonButton } from "./ImportJsonButton";
import { downloadFile } from "@/components/ui/download";

interface DesignFileButtonsProps {
  design: Design;
  /** Receives a design that parsed cleanly; a malformed file never reaches it. */
  onImport: (design: Design) => void;
}


/** Export the design as `<slug>.archway.json` and import one in its place. */
export function DesignFileButtons({ design, onImport }: DesignFileButtonsProps) {
  const [refused, setRefused] = useState<{ fileName: string; issues: DesignIssue[] } | null>(null);

  return (
    <div className={styles.group}>
      <Button size="small" onClick={() => downloadFile(designFileName(design.name), canonicalDesignText(design), "application/json")}>
        Export JSON
      </Button>
      <ImportJsonButton
        size="small"
        onDesign={(imported) => {
          setRefused(null);
          onImport(imported);
        }}
        onInvalid={(issues, fileName) => setRefused({ fileName, issues })}
      />
      {refused ? (
        <div className={styles.popover}>
          <ImportErrorAlert fileName={refused.fileName} issues={refused.issues} onDismiss={() => setRefused(null)} />
        </div>
      ) : null}
    </div>
  );
}
