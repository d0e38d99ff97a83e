"use client";

import dynamic from "next/dynamic";
import { useMemo, useState, type DragEvent, type ReactNode } from "react";
import { replaceDocumentCommand } from "@/lib/designer/commands/replace";
import type { ChosenFile } from "@/lib/designer/persistence/import-client";
import type { DesignerStore } from "@/lib/designer/store";
import { filesFromDrop } from "./dropped-files";

// Loaded when files are first dropped: most editing sessions never import.
const ImportSystemDialog = dynamic(() => import("./ImportSystemDialog").then((module) => module.ImportSystemDialog), { ssr: false });

export interface FileDropImport {
  /** True when this drag carries files the empty canvas will import. */
  accepts(event: DragEvent): boolean;
  /** Takes a drop of files on the empty canvas (and returns true), leaving other drops to the canvas. */
  take(event: DragEvent): boolean;
  /** The preview dialog, to render beside the canvas. */
  dialog: ReactNode;
}

/**
 * Files dropped on an empty canvas are imported into this design: the same preview as the designs page, and on
 * confirm the design is replaced by what was read, as one step the person can undo.
 */
export function useFileDropImport(store: DesignerStore, empty: boolean): FileDropImport {
  const [files, setFiles] = useState<ChosenFile[] | null>(null);
  return useMemo(
    () => ({
      accepts: (event) => empty && event.dataTransfer.types.includes("Files"),
      take: (event) => {
        if (!empty || event.dataTransfer.files.length === 0) return false;
        event.preventDefault();
        void filesFromDrop(event.dataTransfer).then(setFiles);
        return true;
      },
      dialog:
        files === null ? null : (
          <ImportSystemDialog
            open
            files={files}
            createLabel="Use in this design"
            onClose={() => setFiles(null)}
            onCreate={async (design) => {
              store.dispatch(replaceDocumentCommand(design));
              setFiles(null);
              return null;
            }}
          />
        ),
    }),
    [empty, files, store],
  );
}
