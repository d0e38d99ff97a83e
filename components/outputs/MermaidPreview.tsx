"use client";

import { useEffect, useId, useState } from "react";
import styles from "./OutputsPanel.module.css";
import { ZoomableDiagram } from "./ZoomableDiagram";

type Rendered = { status: "rendering" } | { status: "ok"; svg: string } | { status: "error"; message: string };

let mermaidLoader: Promise<typeof import("mermaid").default> | undefined;

/** Mermaid is large: load it only when a diagram is first shown, with strict security (no scripts, no HTML labels). */
function loadMermaid() {
  mermaidLoader ??= import("mermaid").then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral", maxTextSize: 1_000_000 });
    return mermaid;
  });
  return mermaidLoader;
}

export function MermaidPreview({ source, title }: { source: string; title: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [rendered, setRendered] = useState<Rendered>({ status: "rendering" });

  useEffect(() => {
    let cancelled = false;
    setRendered({ status: "rendering" });
    loadMermaid()
      .then((mermaid) => mermaid.render(id, source))
      .then(({ svg }) => !cancelled && setRendered({ status: "ok", svg }))
      .catch((error: unknown) => !cancelled && setRendered({ status: "error", message: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
    };
  }, [id, source]);

  if (rendered.status === "error") return <p role="alert" className={styles.error}>Mermaid could not render {title}: {rendered.message}</p>;
  if (rendered.status === "rendering") return <p className={styles.muted}>Rendering {title}…</p>;
  return <ZoomableDiagram svg={rendered.svg} title={title} />;
}
