"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { downloadFile } from "@/components/ui/download";
import { spawnGenerateWorker } from "@/components/workers/spawn";
import { useJobRunner } from "@/components/workers/use-job";
import { projectSlug } from "@/lib/generators/naming";
import type { Design } from "@/lib/model";
import styles from "./OutputsPanel.module.css";
import { pictureToPng } from "./picture-png";

type Format = "png" | "svg";

/**
 * PNG and SVG pictures of the whole design, drawn from the design itself (not from the canvas DOM), so every
 * name, line and label is there whatever the zoom: the same SVG as `archway generate --target svg`, built in
 * a Web Worker; the PNG is that SVG drawn at twice its size.
 */
export function CanvasPictureButtons({ design }: { design: Design }) {
  const runner = useJobRunner(spawnGenerateWorker);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<Format | undefined>();

  const exportPicture = async (format: Format) => {
    setError(undefined);
    if (design.components.length === 0 && design.zones.length === 0) {
      setError("There is nothing on the canvas to export yet.");
      return;
    }
    setBusy(format);
    try {
      const picture = await runner.run("picture", { design });
      const name = `${projectSlug(design.name)}.${format}`;
      if (format === "svg") downloadFile(name, picture.svg, "image/svg+xml");
      else downloadFile(name, await pictureToPng(picture), "image/png");
    } catch (cause) {
      setError(`The picture could not be made: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.pictures} role="group" aria-label="Canvas picture">
      <span className={styles.muted}>Picture of the canvas</span>
      <Button size="small" onClick={() => void exportPicture("png")} disabled={busy !== undefined} aria-busy={busy === "png"}>
        {busy === "png" ? "Drawing PNG…" : "Download PNG"}
      </Button>
      <Button size="small" onClick={() => void exportPicture("svg")} disabled={busy !== undefined} aria-busy={busy === "svg"}>
        {busy === "svg" ? "Drawing SVG…" : "Download SVG"}
      </Button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
