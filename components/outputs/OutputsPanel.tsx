"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { generate, GENERATORS, type GeneratedFile, type GeneratorTarget } from "@/lib/generators";
import type { Design } from "@/lib/model";
import { CanvasPictureButtons } from "./CanvasPictureButtons";
import { highlightedHtml } from "./highlight";
import { MermaidPreview } from "./MermaidPreview";
import styles from "./OutputsPanel.module.css";
import { downloadFile } from "@/components/ui/download";

type Generated = { files: GeneratedFile[]; error?: undefined } | { files: []; error: string };

function generateSafely(design: Design, target: GeneratorTarget): Generated {
  try {
    return { files: generate(design, target) };
  } catch (error) {
    return { files: [], error: error instanceof Error ? error.message : String(error) };
  }
}


/** Generated files for the design, one tab per target, regenerated after edits settle (never while typing). */
export function OutputsPanel({ design }: { design: Design }) {
  const deferredDesign = useDeferredValue(design);
  const [target, setTarget] = useState<GeneratorTarget>("mermaid");
  const [selectedPath, setSelectedPath] = useState<string | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const generated = useMemo(() => generateSafely(deferredDesign, target), [deferredDesign, target]);
  const file = generated.files.find((candidate) => candidate.path === selectedPath) ?? generated.files[0];
  const html = useMemo(() => (file ? highlightedHtml(file.path, file.contents) : undefined), [file]);

  const copy = async (selected: GeneratedFile) => {
    await navigator.clipboard.writeText(selected.contents);
    setCopied(selected.path);
  };

  return (
    <section className={styles.panel} aria-label="Generated outputs">
      <CanvasPictureButtons designName={design.name} />
      <div className={styles.targets} role="group" aria-label="Output format">
        {GENERATORS.map((generator) => (
          <button
            key={generator.target}
            type="button"
            className={styles.target}
            aria-pressed={generator.target === target}
            onClick={() => {
              setTarget(generator.target);
              setSelectedPath(undefined);
            }}
          >
            {generator.label}
          </button>
        ))}
      </div>
      {generated.error ? (
        <p role="alert" className={styles.error}>
          This design could not be turned into {target} output: {generated.error}
        </p>
      ) : generated.files.length === 0 ? (
        <p className={styles.muted}>Nothing to generate for {target} yet: add components to the canvas.</p>
      ) : (
        <>
          <ul className={styles.files} aria-label="Files">
            {generated.files.map((candidate) => (
              <li key={candidate.path}>
                <button type="button" className={styles.file} aria-current={candidate === file ? "true" : undefined} onClick={() => setSelectedPath(candidate.path)}>
                  {candidate.path}
                </button>
              </li>
            ))}
          </ul>
          {file ? (
            <div className={styles.viewer}>
              <div className={styles.viewerHeader}>
                <span className={styles.path}>{file.path}</span>
                <Button size="small" onClick={() => void copy(file)}>
                  {copied === file.path ? "Copied" : "Copy"}
                </Button>
                <Button size="small" onClick={() => downloadFile(file.path.split("/").pop() ?? "file.txt", file.contents, "text/plain;charset=utf-8")}>
                  Download
                </Button>
              </div>
              {target === "mermaid" ? <MermaidPreview key={file.path} source={file.contents} title={file.path} /> : null}
              {html === undefined ? (
                <pre className={styles.code} data-testid="output-code">
                  <code>{file.contents}</code>
                </pre>
              ) : (
                <pre className={styles.code} data-testid="output-code">
                  <code dangerouslySetInnerHTML={{ __html: html }} />
                </pre>
              )}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
