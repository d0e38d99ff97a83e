"use client";

import { useMemo, useState } from "react";
import { buildFileTree, type TreeFolder } from "./file-tree";
import type { FileMatch } from "./search-files";
import styles from "./OutputsPanel.module.css";

interface FileTreeProps {
  paths: readonly string[];
  selected: string | undefined;
  onSelect: (path: string) => void;
  /** While searching: only these files are shown, with their match counts, and every folder is open. */
  matches?: ReadonlyMap<string, FileMatch>;
}

/** Generated files as folders that open and close, files as buttons; folder rows say how many files they hold. */
export function FileTree({ paths, selected, onSelect, matches }: FileTreeProps) {
  const shown = useMemo(() => (matches ? paths.filter((path) => matches.has(path)) : paths), [paths, matches]);
  const tree = useMemo(() => buildFileTree(shown), [shown]);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) =>
    setClosed((current) => {
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  const countFiles = (folder: TreeFolder): number => folder.children.reduce((sum, child) => sum + (child.type === "file" ? 1 : countFiles(child)), 0);

  const renderFolder = (folder: TreeFolder, depth: number) => (
    <ul className={styles.treeLevel} aria-label={depth === 0 ? "Files" : undefined}>
      {folder.children.map((child) => {
        const indent = { paddingLeft: `${8 + depth * 14}px` };
        if (child.type === "folder") {
          const open = matches !== undefined || !closed.has(child.path);
          return (
            <li key={child.path}>
              <button type="button" className={styles.treeFolder} style={indent} onClick={() => toggle(child.path)} aria-expanded={open} title={child.path}>
                <span className={styles.chevron} data-open={open ? "true" : "false"} aria-hidden="true">
                  ▸
                </span>
                <span className={styles.treeName}>{child.name}</span>
                <span className={styles.treeCount}>{countFiles(child)}</span>
              </button>
              {open ? renderFolder(child, depth + 1) : null}
            </li>
          );
        }
        const match = matches?.get(child.path);
        return (
          <li key={child.path}>
            <button
              type="button"
              className={styles.file}
              style={indent}
              aria-current={child.path === selected ? "true" : undefined}
              title={child.path}
              data-path={child.path}
              onClick={() => onSelect(child.path)}
            >
              <span className={styles.treeName}>{child.name}</span>
              {match && match.count > 0 ? (
                <span className={styles.matchCount} aria-label={`${match.count} ${match.count === 1 ? "match" : "matches"}`}>
                  {match.count}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );

  if (shown.length === 0) return <p className={styles.muted}>No file matches.</p>;
  return <div className={styles.tree}>{renderFolder(tree, 0)}</div>;
}
