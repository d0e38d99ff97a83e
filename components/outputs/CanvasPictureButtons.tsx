"use client";

import { getNodesBounds, getViewportForBounds, useReactFlow } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { designSlug } from "@/lib/designer/persistence/design-file";
import styles from "./OutputsPanel.module.css";

const PICTURE_WIDTH = 1920;
const PICTURE_HEIGHT = 1080;

type Format = "png" | "svg";

/**
 * PNG and SVG pictures of the whole drawing (not just what is on screen), rendered from the canvas DOM the way
 * React Flow's own image-export example does: fit every node into a fixed frame, then snapshot the viewport layer.
 */
export function CanvasPictureButtons({ designName }: { designName: string }) {
  const flow = useReactFlow();
  const [error, setError] = useState<string | undefined>();

  const exportPicture = async (format: Format) => {
    setError(undefined);
    const layer = document.querySelector<HTMLElement>(".react-flow__viewport");
    const nodes = flow.getNodes();
    if (!layer || nodes.length === 0) {
      setError("There is nothing on the canvas to export yet.");
      return;
    }
    const viewport = getViewportForBounds(getNodesBounds(nodes), PICTURE_WIDTH, PICTURE_HEIGHT, 0.1, 2, 0.05);
    const options = {
      backgroundColor: "#ffffff",
      width: PICTURE_WIDTH,
      height: PICTURE_HEIGHT,
      style: { width: `${PICTURE_WIDTH}px`, height: `${PICTURE_HEIGHT}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
    };
    try {
      const dataUrl = format === "png" ? await toPng(layer, options) : await toSvg(layer, options);
      const link = document.createElement("a");
      link.href = dataUrl;
      link.download = `${designSlug(designName)}.${format}`;
      link.click();
    } catch (cause) {
      setError(`The picture could not be made: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };

  return (
    <div className={styles.pictures} role="group" aria-label="Canvas picture">
      <span className={styles.muted}>Picture of the canvas</span>
      <Button size="small" onClick={() => void exportPicture("png")}>
        Download PNG
      </Button>
      <Button size="small" onClick={() => void exportPicture("svg")}>
        Download SVG
      </Button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
