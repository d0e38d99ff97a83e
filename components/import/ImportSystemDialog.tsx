"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { kindDefinition } from "@/lib/catalog";
import { ZONE_DEFINITIONS } from "@/lib/catalog/zones";
import { previewImport, type ChosenFile, type ImportPreview } from "@/lib/designer/persistence/import-client";
import type { Design, DesignIssue } from "@/lib/model";
import { IssueList } from "@/components/persistence/IssueList";
import { ModalDialog } from "@/components/persistence/ModalDialog";
import { Button } from "@/components/ui/Button";
import { filesFromDrop, filesFromInput } from "./dropped-files";
import styles from "./ImportSystemDialog.module.css";

interface ImportSystemDialogProps {
  open: boolean;
  onClose: () => void;
  /** Stores the design; resolves to an error message, or null once it is in place. */
  onCreate: (design: Design) => Promise<string | null>;
  /** Files already chosen (dropped on an empty canvas): read as soon as the dialog opens. */
  files?: ChosenFile[] | null;
  /** The confirm button's words: "Create design" on the designs page, "Use in this design" in the editor. */
  createLabel?: string;
}

const FORMATS = [
  ["", "Detect the format"],
  ["terraform", "Terraform (AWS)"],
  ["kubernetes", "Kubernetes manifests"],
  ["compose", "docker-compose"],
  ["mermaid", "Mermaid flowchart"],
] as const;

const FORMAT_NAMES: Record<string, string> = { terraform: "Terraform", kubernetes: "Kubernetes", compose: "docker-compose", mermaid: "Mermaid" };

type Step =
  | { kind: "choose"; error?: { message: string; issues: DesignIssue[] } }
  | { kind: "reading"; count: number }
  | { kind: "preview"; preview: ImportPreview; fileCount: number };

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

/** Where each component sits: the chain of zones around it, outermost first. */
function placeOf(design: Design, zoneId: string | undefined): string {
  const zones = new Map(design.zones.map((zone) => [zone.id, zone]));
  const names: string[] = [];
  for (let zone = zoneId === undefined ? undefined : zones.get(zoneId); zone && names.length < 8; zone = zone.parentId === undefined ? undefined : zones.get(zone.parentId)) {
    names.unshift(zone.name);
  }
  return names.join(" › ");
}

/**
 * "Import a system": files, a folder or a zip of Terraform, Kubernetes manifests, a Compose file or a Mermaid
 * flowchart, read by the server into a preview the person checks (what became components, zones and connections, and
 * what was not mapped, with the reason) before the design is created.
 */
export function ImportSystemDialog({ open, onClose, onCreate, files, createLabel = "Create design" }: ImportSystemDialogProps) {
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [format, setFormat] = useState("");
  const [name, setName] = useState("");
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  function close() {
    setStep({ kind: "choose" });
    setCreateError(null);
    onClose();
  }

  const read = useCallback(
    async (chosen: ChosenFile[]) => {
      if (chosen.length === 0) {
        setStep({ kind: "choose", error: { message: "None of these files is one Archway imports (.tf, .json, .yaml, .yml, .mmd, .zip).", issues: [] } });
        return;
      }
      setStep({ kind: "reading", count: chosen.length });
      const result = await previewImport(chosen, { from: format || undefined });
      if (result.kind === "ok") {
        setName(result.value.design.name);
        setStep({ kind: "preview", preview: result.value, fileCount: chosen.length });
      } else setStep({ kind: "choose", error: { message: result.error, issues: result.kind === "refused" ? result.issues : [] } });
    },
    [format],
  );

  // Files dropped on an empty canvas arrive with the dialog: read them as it opens.
  useEffect(() => {
    if (open && files) void read(files);
  }, [open, files, read]);

  async function create(preview: ImportPreview) {
    setCreating(true);
    setCreateError(null);
    const error = await onCreate({ ...preview.design, name: name.trim() || preview.design.name });
    setCreating(false);
    if (error) setCreateError(error);
  }

  return (
    <ModalDialog
      open={open}
      onClose={close}
      title="Import a system"
      placement="wide"
      description="Terraform (AWS), Kubernetes manifests, a docker-compose file or a Mermaid flowchart become a design you can check against best practice and simulate. Nothing is saved until you create the design."
    >
      {step.kind === "choose" ? (
        <div className={styles.choose}>
          <div
            className={`${styles.dropZone} ${dragging ? styles.dragging : ""}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              void filesFromDrop(event.dataTransfer).then(read);
            }}
          >
            <p className={styles.dropTitle}>Drop files, a folder or a zip here</p>
            <p className={styles.muted}>Folders are searched for .tf, .json, .yaml, .yml and .mmd files; node_modules and hidden folders are left out.</p>
            <div className={styles.pickers}>
              <Button onClick={() => filesInput.current?.click()}>Choose files</Button>
              <Button onClick={() => folderInput.current?.click()}>Choose a folder</Button>
            </div>
          </div>
          <label className={styles.formatRow}>
            <span>Format</span>
            <select value={format} onChange={(event) => setFormat(event.target.value)}>
              {FORMATS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {step.error ? (
            <div role="alert" className={styles.error}>
              <p>{step.error.message}</p>
              {step.error.issues.length > 0 ? <IssueList issues={step.error.issues} /> : null}
            </div>
          ) : null}
          <input
            ref={filesInput}
            type="file"
            multiple
            hidden
            aria-label="Files to import"
            accept=".tf,.json,.yaml,.yml,.mmd,.mermaid,.md,.zip"
            onChange={(event) => {
              const files = event.currentTarget.files ? filesFromInput(event.currentTarget.files) : [];
              event.currentTarget.value = "";
              void read(files);
            }}
          />
          <input
            ref={folderInput}
            type="file"
            hidden
            aria-label="Folder to import"
            {...{ webkitdirectory: "", directory: "" }}
            onChange={(event) => {
              const files = event.currentTarget.files ? filesFromInput(event.currentTarget.files) : [];
              event.currentTarget.value = "";
              void read(files);
            }}
          />
        </div>
      ) : null}
      {step.kind === "reading" ? <p role="status">Reading {plural(step.count, "file")}…</p> : null}
      {step.kind === "preview" ? (
        <div className={styles.preview}>
          <p role="status" className={styles.summary}>
            Read {plural(step.fileCount, "file")} as {FORMAT_NAMES[step.preview.format] ?? step.preview.format}: {plural(step.preview.design.components.length, "component")},{" "}
            {plural(step.preview.design.connections.length, "connection")}, {plural(step.preview.design.zones.length, "zone")}.
          </p>
          <label className={styles.nameRow}>
            <span>Design name</span>
            <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          </label>
          <div className={styles.columns}>
            <section aria-labelledby="import-components">
              <h3 id="import-components" className={styles.heading}>
                Components
              </h3>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">In</th>
                  </tr>
                </thead>
                <tbody>
                  {step.preview.design.components.map((component) => (
                    <tr key={component.id}>
                      <td>{component.name}</td>
                      <td>{kindDefinition(component.kind).label}</td>
                      <td className={styles.muted}>{placeOf(step.preview.design, component.zoneId)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {step.preview.design.zones.length > 0 ? (
                <p className={styles.muted}>
                  Zones: {step.preview.design.zones.map((zone) => `${zone.name} (${ZONE_DEFINITIONS[zone.kind].label})`).join(", ")}
                </p>
              ) : null}
            </section>
            <section aria-labelledby="import-unmapped">
              <h3 id="import-unmapped" className={styles.heading}>
                Not mapped ({step.preview.unmapped.length})
              </h3>
              {step.preview.unmapped.length === 0 ? (
                <p className={styles.muted}>Everything in the files became part of the design.</p>
              ) : (
                <ul className={styles.unmapped}>
                  {step.preview.unmapped.map((item, index) => (
                    <li key={`${item.file}-${item.line}-${index}`}>
                      <code>
                        {item.file}
                        {item.line === undefined ? "" : `:${item.line}`}
                      </code>{" "}
                      <strong>{item.item}</strong>: {item.reason}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          {createError ? (
            <p role="alert" className={styles.error}>
              {createError}
            </p>
          ) : null}
          <div className={styles.actions}>
            <Button onClick={() => setStep({ kind: "choose" })} disabled={creating}>
              Back
            </Button>
            <Button variant="primary" onClick={() => void create(step.preview)} disabled={creating}>
              {creating ? "Creating…" : createLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
