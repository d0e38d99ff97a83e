"use client";

import { useEffect, useRef, useState } from "react";
import type { Design } from "@/lib/model";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { starterZipFileName } from "@/lib/designer/persistence/design-file";
import { downloadFile } from "@/components/ui/download";
import { spawnGenerateWorker } from "@/components/workers/spawn";
import { useJobRunner } from "@/components/workers/use-job";

type ExportState = "idle" | "preparing" | "zipping" | "downloaded";

const LABELS: Record<ExportState, string> = {
  idle: "Export",
  preparing: "Preparing…",
  zipping: "Zipping…",
  downloaded: "Downloaded",
};

/** How long "Downloaded" stays before the button offers Export again. */
const DONE_MS = 3000;

/**
 * Export: builds the starter repository of the current design in a Web Worker (the same files as
 * GET /api/designs/:id/export and `archway export`) and downloads it as a zip, saying what it is doing.
 */
export function ExportButton({ design }: { design: Design }) {
  const toast = useToast();
  const [state, setState] = useState<ExportState>("idle");
  const runner = useJobRunner(spawnGenerateWorker);
  const doneTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(doneTimer.current), []);

  const exportZip = async () => {
    clearTimeout(doneTimer.current);
    try {
      setState("preparing");
      const zip = await runner.run("starter-zip", { design }, (stage) => setState(stage));
      downloadFile(starterZipFileName(design.name), zip, "application/zip");
      setState("downloaded");
      doneTimer.current = setTimeout(() => setState("idle"), DONE_MS);
    } catch (error) {
      setState("idle");
      toast(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const busy = state === "preparing" || state === "zipping";
  return (
    <>
      <Button size="small" variant="primary" onClick={() => void exportZip()} disabled={busy} aria-busy={busy} aria-label="Export starter repository" title="Download a starter repository (zip)" data-export-state={state}>
        {LABELS[state]}
      </Button>
      <span className="visually-hidden" role="status">
        {state === "idle" ? "" : LABELS[state]}
      </span>
    </>
  );
}
