"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { createDesignsApi, type DesignRecord } from "@/lib/designer/persistence/api-client";
import { Button } from "@/components/ui/Button";
import { Editor, type EditorProps } from "./Editor";
import styles from "./EditorRoute.module.css";

type LoadState = { kind: "loading" } | { kind: "ready"; record: DesignRecord } | { kind: "missing" } | { kind: "failed"; message: string };

/**
 * Loads a design from the API (GET /api/designs/:id, parsed with parseDesign by the API client) and opens
 * the editor on it; says clearly when the design does not exist or cannot be read.
 */
export function EditorRoute({ designId, ...editorProps }: { designId: string } & Pick<EditorProps, "panels" | "useBadges" | "headerActions" | "initialPanel">) {
  const [state, setState] = useState<LoadState>({ kind: "loading" });

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    const result = await createDesignsApi().getDesign(designId);
    if (result.kind === "ok") setState({ kind: "ready", record: result.value });
    else if (result.kind === "not-found") setState({ kind: "missing" });
    else setState({ kind: "failed", message: result.error });
  }, [designId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === "ready") {
    const { record } = state;
    return <Editor key={record.id} designId={record.id} initialDesign={record.document} initialRevision={record.revision} {...editorProps} />;
  }
  if (state.kind === "loading") {
    return (
      <div className={styles.state} aria-busy="true">
        <p className={styles.loading}>Loading design…</p>
      </div>
    );
  }
  return (
    <div className={styles.state}>
      <div className={styles.card} role="alert">
        <h1>{state.kind === "missing" ? "This design does not exist" : "This design could not be opened"}</h1>
        <p>{state.kind === "missing" ? "It may have been deleted, or the link is wrong." : state.message}</p>
        <div className={styles.actions}>
          <Link href="/" className={styles.link}>
            All designs
          </Link>
          {state.kind === "failed" ? (
            <Button variant="primary" onClick={() => void load()}>
              Try again
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
