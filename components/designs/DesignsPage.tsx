"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Design, DesignIssue } from "@/lib/model";
import { createDesignsApi, type ApiFailure, type DesignSummary } from "@/lib/designer/persistence/api-client";
import { createTemplatesApi } from "@/lib/designer/persistence/templates-client";
import { NewDesignDialog } from "@/components/gallery/NewDesignDialog";
import { ImportSystemDialog } from "@/components/import/ImportSystemDialog";
import { Button } from "@/components/ui/Button";
import { ImportErrorAlert } from "@/components/persistence/ImportErrorAlert";
import { ImportJsonButton } from "@/components/persistence/ImportJsonButton";
import { DeleteDialog } from "./DeleteDialog";
import { DesignsTable } from "./DesignsTable";
import styles from "./DesignsPage.module.css";
import { NameDialog } from "./NameDialog";

type Listing = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; designs: DesignSummary[] };

type Dialog = { kind: "create" } | { kind: "import" } | { kind: "rename"; design: DesignSummary } | { kind: "delete"; design: DesignSummary } | null;

function describe(failure: ApiFailure): string {
  if (failure.kind === "network") return "The server cannot be reached. Check your connection and try again.";
  return failure.error;
}

/** The API reports paths into the request body ("document.name"); the person knows only their file ("name"). */
function pathsInFile(issues: readonly DesignIssue[]): DesignIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path.replace(/^document(\.|$)/, "") }));
}

function byNewest(a: DesignSummary, b: DesignSummary): number {
  return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.name.localeCompare(b.name);
}

/** The designs page: every saved design, and creating, renaming, duplicating, deleting and importing them. */
export function DesignsPage() {
  const api = useMemo(() => createDesignsApi(), []);
  const router = useRouter();
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ fileName: string; issues: DesignIssue[] } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await api.listDesigns();
    if (result.kind === "ok") setListing({ state: "ready", designs: [...result.value].sort(byNewest) });
    else setListing({ state: "error", message: describe(result) });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const report = (message: string) => {
    setFailure(null);
    setNotice(message);
  };

  async function createDesign(name: string): Promise<string | null> {
    const result = await api.createDesign(name);
    if (result.kind !== "ok") return describe(result);
    router.push(`/designs/${encodeURIComponent(result.value.id)}`);
    return null;
  }

  async function createFromTemplate(templateId: string, name: string): Promise<string | null> {
    const template = await createTemplatesApi().templateDesign(templateId);
    if (template.kind !== "ok") return template.error;
    const result = await api.importDesign({ ...template.value, name });
    if (result.kind !== "ok") return describe(result);
    router.push(`/designs/${encodeURIComponent(result.value.id)}`);
    return null;
  }

  async function createImported(design: Design): Promise<string | null> {
    const result = await api.importDesign(design);
    if (result.kind !== "ok") return describe(result);
    router.push(`/designs/${encodeURIComponent(result.value.id)}`);
    return null;
  }

  async function renameDesign(design: DesignSummary, name: string): Promise<string | null> {
    const result = await api.renameDesign(design.id, name);
    if (result.kind !== "ok") return describe(result);
    setDialog(null);
    report(`Renamed “${design.name}” to “${result.value.document.name}”.`);
    await load();
    return null;
  }

  async function duplicateDesign(design: DesignSummary) {
    setBusyId(design.id);
    const result = await api.duplicateDesign(design.id);
    setBusyId(null);
    if (result.kind !== "ok") {
      setFailure(`Could not duplicate “${design.name}”: ${describe(result)}`);
      return;
    }
    report(`Duplicated “${design.name}” as “${result.value.document.name}”.`);
    await load();
  }

  async function deleteDesign(design: DesignSummary) {
    const result = await api.deleteDesign(design.id);
    setDialog(null);
    if (result.kind !== "ok" && result.kind !== "not-found") {
      setFailure(`Could not delete “${design.name}”: ${describe(result)}`);
      return;
    }
    report(`Deleted “${design.name}”.`);
    headingRef.current?.focus();
    await load();
  }

  async function importDesign(document: Design, fileName: string) {
    setRefused(null);
    const result = await api.importDesign(document);
    if (result.kind === "ok") {
      router.push(`/designs/${encodeURIComponent(result.value.id)}`);
      return;
    }
    if (result.kind === "invalid") {
      setRefused({ fileName, issues: result.issues.length > 0 ? pathsInFile(result.issues) : [{ path: "", message: result.error }] });
      return;
    }
    setFailure(`Could not import “${fileName}”: ${describe(result)}`);
  }

  const designs = listing.state === "ready" ? listing.designs : [];

  return (
    <div className={styles.page}>
      <header className={styles.topBar}>
        <span className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true" />
          Archway
        </span>
        <Link href="/practice" style={{ marginLeft: "auto" }}>
          Practice
        </Link>
      </header>
      <main className={styles.main}>
        <div className={styles.titleRow}>
          <div>
            <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
              Designs
            </h1>
            <p className={styles.subtitle}>Draw a system, check it against best practice, and generate its infrastructure and services.</p>
          </div>
          <div className={styles.pageActions}>
            <Button onClick={() => setDialog({ kind: "import" })}>Import a system</Button>
            <ImportJsonButton onDesign={importDesign} onInvalid={(issues, fileName) => setRefused({ fileName, issues })} />
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              New design
            </Button>
          </div>
        </div>

        <p role="status" className={styles.notice}>
          {notice}
        </p>
        {failure ? (
          <div role="alert" className={styles.failure}>
            <span>{failure}</span>
            <Button variant="ghost" size="small" onClick={() => setFailure(null)}>
              Dismiss
            </Button>
          </div>
        ) : null}
        {refused ? <ImportErrorAlert fileName={refused.fileName} issues={refused.issues} onDismiss={() => setRefused(null)} /> : null}

        {listing.state === "loading" ? <p className={styles.loading}>Loading designs…</p> : null}
        {listing.state === "error" ? (
          <div role="alert" className={styles.failure}>
            <span>Could not load your designs: {listing.message}</span>
            <Button size="small" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        ) : null}
        {listing.state === "ready" && designs.length === 0 ? (
          <section className={styles.empty} aria-labelledby="empty-title">
            <div className={styles.emptyArt} aria-hidden="true">
              <span />
              <span />
              <span />
            </div>
            <h2 id="empty-title" className={styles.emptyTitle}>
              No designs yet
            </h2>
            <p className={styles.emptyText}>Start with a blank canvas and drag in a load balancer, a few services and a database, or import a design file.</p>
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              Create your first design
            </Button>
          </section>
        ) : null}
        {designs.length > 0 ? (
          <DesignsTable
            designs={designs}
            busyId={busyId}
            onRename={(design) => setDialog({ kind: "rename", design })}
            onDuplicate={(design) => void duplicateDesign(design)}
            onDelete={(design) => setDialog({ kind: "delete", design })}
          />
        ) : null}
      </main>

      <ImportSystemDialog open={dialog?.kind === "import"} onClose={() => setDialog(null)} onCreate={createImported} />
      <NewDesignDialog open={dialog?.kind === "create"} onClose={() => setDialog(null)} onCreateBlank={createDesign} onCreateFromTemplate={createFromTemplate} />
      <NameDialog
        open={dialog?.kind === "rename"}
        title="Rename design"
        submitLabel="Save name"
        initialName={dialog?.kind === "rename" ? dialog.design.name : ""}
        onClose={() => setDialog(null)}
        onSubmit={(name) => (dialog?.kind === "rename" ? renameDesign(dialog.design, name) : Promise.resolve(null))}
      />
      <DeleteDialog
        designName={dialog?.kind === "delete" ? dialog.design.name : null}
        onClose={() => setDialog(null)}
        onConfirm={() => (dialog?.kind === "delete" ? deleteDesign(dialog.design) : Promise.resolve())}
      />
    </div>
  );
}
