"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { applyLayoutCommand } from "@/lib/designer/commands/apply-layout";
import { replaceDocumentCommand } from "@/lib/designer/commands/replace";
import { canRedo, canUndo } from "@/lib/designer/history";
import { designOf } from "@/lib/designer/store";
import { useDesignerState } from "@/lib/designer/use-designer-state";
import { openingViewport } from "@/lib/designer/viewport";
import type { DesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import { DesignFileButtons } from "@/components/persistence/DesignFileButtons";
import { PersistenceBar } from "@/components/persistence/PersistenceBar";
import { SupersededJobError } from "@/components/workers/job-runner";
import { spawnLayoutWorker } from "@/components/workers/spawn";
import { useJobRunner } from "@/components/workers/use-job";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";
import { useToast } from "@/components/ui/Toast";
import { useDesignerStore } from "./DesignerContext";
import styles from "./EditorHeader.module.css";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function EditorHeader({ persistence, actions }: { persistence: DesignPersistence; actions?: ReactNode }) {
  const store = useDesignerStore();
  const toast = useToast();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const design = useDesignerState(store, designOf);
  const undoable = useDesignerState(store, (state) => canUndo(state.history));
  const redoable = useDesignerState(store, (state) => canRedo(state.history));
  const [layingOut, setLayingOut] = useState(false);
  const layoutRunner = useJobRunner(spawnLayoutWorker);
  const mod = isMac() ? "⌘" : "Ctrl+";

  const autoLayout = async () => {
    setLayingOut(true);
    try {
      const layout = await layoutRunner.run("layout", { design: designOf(store.getState()) });
      store.dispatch(applyLayoutCommand(layout));
      // Framed like a design that opens: whole if it fits at a readable zoom, else from its entry.
      requestAnimationFrame(() => {
        const { width, height } = flowStore.getState();
        void flow.setViewport(openingViewport(designOf(store.getState()), { width, height }), { duration: 250 });
      });
    } catch (error) {
      if (error instanceof SupersededJobError) return;
      toast(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLayingOut(false);
    }
  };

  return (
    <header className={styles.header}>
      <Link href="/" className={styles.back}>
        <Icon name="back" size={16} />
        Designs
      </Link>
      <span className={styles.divider} aria-hidden="true" />
      <span className={styles.brand} aria-hidden="true">
        A
      </span>
      <h1 className={styles.title} title={design.name}>
        {design.name}
      </h1>
      <div className={styles.persistence}>
        <PersistenceBar persistence={persistence} />
      </div>
      <span className={styles.spacer} />
      <div className={styles.group} role="toolbar" aria-label="Edit">
        <Button size="small" variant="ghost" iconOnly icon={<Icon name="undo" />} disabled={!undoable} onClick={() => store.undo()} title={`Undo (${mod}Z)`}>
          Undo
        </Button>
        <Button size="small" variant="ghost" iconOnly icon={<Icon name="redo" />} disabled={!redoable} onClick={() => store.redo()} title={`Redo (${mod}Shift+Z)`}>
          Redo
        </Button>
        <span className={styles.divider} aria-hidden="true" />
        <Button size="small" variant="ghost" icon={<Icon name="layout" />} disabled={layingOut || (design.components.length === 0 && design.zones.length === 0)} onClick={() => void autoLayout()}>
          Auto-layout
        </Button>
        <Button size="small" variant="ghost" icon={<Icon name="fit" />} onClick={() => void flow.fitView({ padding: 0.15, duration: 250 })}>
          Fit
        </Button>
      </div>
      <span className={styles.divider} aria-hidden="true" />
      <DesignFileButtons design={design} onImport={(imported) => store.dispatch(replaceDocumentCommand(imported))} />
      {actions ? (
        <>
          <span className={styles.divider} aria-hidden="true" />
          <div className={styles.group}>{actions}</div>
        </>
      ) : null}
    </header>
  );
}
