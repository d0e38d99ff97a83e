"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { Icon } from "@/components/ui/Icon";
import { Button } from "@/components/ui/Button";
import { spawnGenerateWorker, spawnHighlightWorker } from "@/components/workers/spawn";
import { useJob, useJobRunner } from "@/components/workers/use-job";
import { CODE_TARGETS, TARGET_LABELS, type GeneratedFile, type GeneratorTarget } from "@/lib/generators/types";
import type { Design } from "@/lib/model";
import { CanvasPictureButtons } from "./CanvasPictureButtons";
import { FileTree } from "./FileTree";
import { MermaidPreview } from "./MermaidPreview";
import styles from "./OutputsPanel.module.css";
import { downloadFile } from "@/components/ui/download";
import { useFileSearch } from "./use-file-search";

/**
 * How much of a file the viewer shows. Terraform for a thousand components runs to megabytes, and laying out
 * (let alone highlighting) that much text holds the page for seconds; Copy and Download always take the whole file.
 */
const SHOWN_CHARACTERS = 100_000;

interface ShownText {
  text: string;
  /** Lines left out after `text`, when the file is longer than the viewer shows. */
  hiddenLines: number;
}

/** Lines in `text`, a last line without its newline included. */
function lineCount(text: string): number {
  let newlines = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) newlines += 1;
  return text.endsWith("\n") || text === "" ? newlines : newlines + 1;
}

function shownText(contents: string): ShownText {
  if (contents.length <= SHOWN_CHARACTERS) return { text: contents, hiddenLines: 0 };
  const lastNewline = contents.lastIndexOf("\n", SHOWN_CHARACTERS);
  const text = contents.slice(0, lastNewline > 0 ? lastNewline + 1 : SHOWN_CHARACTERS);
  return { text, hiddenLines: lineCount(contents.slice(text.length)) };
}

/** Vertical padding of the code view (10 px above and below), outside the evenly spaced lines. */
const CODE_PADDING = 20;

/** One empty list for every render without files, so the search is not restarted on each of them. */
const NO_FILES: readonly GeneratedFile[] = [];


/**
 * Generated files for the design, one tab per target, regenerated after edits settle (never while typing).
 * Generation and highlighting run in Web Workers; a newer design or target stops the job it replaces. Files
 * are browsed as a folder tree with a search over paths and contents; given room (the side panel widened or
 * spread to full width), the tree and the file sit side by side.
 */
export function OutputsPanel({ design }: { design: Design }) {
  const deferredDesign = useDeferredValue(design);
  const [target, setTarget] = useState<GeneratorTarget>("mermaid");
  const [selectedPath, setSelectedPath] = useState<string | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const [query, setQuery] = useState("");
  const codeView = useRef<HTMLPreElement>(null);
  const generation = useJob(useJobRunner(spawnGenerateWorker), "generate", useMemo(() => ({ design: deferredDesign, target }), [deferredDesign, target]));
  // Files of another target are never shown under this one's button; the last design's files are, while the new ones come.
  const generated = generation.input?.target === target ? generation : { running: generation.running, error: generation.error, result: undefined };
  const files = generated.result ?? NO_FILES;
  const search = useFileSearch(files, query);
  const paths = useMemo(() => files.map((candidate) => candidate.path), [files]);
  const file = files.find((candidate) => candidate.path === selectedPath) ?? files.find((candidate) => !search.matches || search.matches.has(candidate.path)) ?? files[0];
  const fileMatch = file ? search.matches?.get(file.path) : undefined;
  const totalMatches = search.matches ? [...search.matches.values()].reduce((sum, match) => sum + match.count, 0) : 0;
  const shown = useMemo(() => (file ? shownText(file.contents) : undefined), [file]);
  const highlightInput = useMemo(() => (file && shown ? { path: file.path, contents: shown.text } : undefined), [file, shown]);
  const highlighting = useJob(useJobRunner(spawnHighlightWorker), "highlight", highlightInput);
  const html = highlighting.input === highlightInput ? highlighting.result : undefined;
  const label = TARGET_LABELS[target];

  /** Scrolls the code view to a 1-based line: the view does not wrap, so lines are evenly spaced. */
  const revealLine = (line: number) => {
    const view = codeView.current;
    if (!view || !shown) return;
    const lines = lineCount(shown.text);
    if (line > lines) return;
    view.scrollTop = Math.max(0, ((line - 1) / lines) * (view.scrollHeight - CODE_PADDING) - view.clientHeight / 3);
  };

  const copy = async (selected: GeneratedFile) => {
    await navigator.clipboard.writeText(selected.contents);
    setCopied(selected.path);
  };

  return (
    <section className={styles.panel} aria-label="Generated outputs">
      <CanvasPictureButtons design={design} />
      <div className={styles.targets} role="group" aria-label="Output format">
        {CODE_TARGETS.map((codeTarget) => (
          <button
            key={codeTarget}
            type="button"
            className={styles.target}
            aria-pressed={codeTarget === target}
            onClick={() => {
              setTarget(codeTarget);
              setSelectedPath(undefined);
            }}
          >
            {TARGET_LABELS[codeTarget]}
          </button>
        ))}
      </div>
      {generated.running ? (
        <p className={styles.muted} role="status">
          {generated.result ? `Updating ${label}…` : `Generating ${label}…`}
        </p>
      ) : null}
      {generated.error ? (
        <p role="alert" className={styles.error}>
          This design could not be turned into {target} output: {generated.error}
        </p>
      ) : !generated.result ? null : files.length === 0 ? (
        <p className={styles.muted}>Nothing to generate for {target} yet: add components to the canvas.</p>
      ) : (
        <div className={styles.browser}>
          <div className={styles.browserSide}>
            <div className={styles.search}>
              <Icon name="search" size={14} />
              <input type="search" placeholder="Search files and contents" aria-label="Search files" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
            {search.matches ? (
              <p className={styles.muted} role="status" data-testid="search-summary">
                {search.searching ? "Searching… " : ""}
                {search.matches.size} file{search.matches.size === 1 ? "" : "s"}, {totalMatches.toLocaleString("en")} match{totalMatches === 1 ? "" : "es"} in contents
              </p>
            ) : search.searching ? (
              <p className={styles.muted} role="status">
                Searching…
              </p>
            ) : null}
            <FileTree paths={paths} selected={file?.path} onSelect={setSelectedPath} matches={search.matches} />
          </div>
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
              {fileMatch && fileMatch.lines.length > 0 ? (
                <ol className={styles.matchLines} aria-label={`Matches in ${file.path}`} data-testid="match-lines">
                  {fileMatch.lines.map((line) => (
                    <li key={line.line}>
                      <button type="button" className={styles.matchLine} onClick={() => revealLine(line.line)} title={`Show line ${line.line}`}>
                        <span className={styles.lineNumber}>{line.line}</span>
                        <code>{line.text}</code>
                      </button>
                    </li>
                  ))}
                  {fileMatch.count > fileMatch.lines.length ? <li className={styles.muted}>and {fileMatch.count - fileMatch.lines.length} more</li> : null}
                </ol>
              ) : null}
              {target === "mermaid" ? <MermaidPreview key={file.path} source={file.contents} title={file.path} /> : null}
              {html === undefined ? (
                <pre ref={codeView} className={styles.code} data-testid="output-code">
                  <code>{shown?.text}</code>
                </pre>
              ) : (
                <pre ref={codeView} className={styles.code} data-testid="output-code">
                  <code dangerouslySetInnerHTML={{ __html: html }} />
                </pre>
              )}
              {shown && shown.hiddenLines > 0 ? (
                <p className={styles.muted} data-testid="output-truncated">
                  {shown.hiddenLines.toLocaleString("en")} more lines are not shown here; Copy or Download take the whole file.
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
