"use client";

import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { createTemplatesApi, type GalleryTemplate } from "@/lib/designer/persistence/templates-client";
import { Button } from "@/components/ui/Button";
import { DialogActions, ModalDialog } from "@/components/persistence/ModalDialog";
import { NameField } from "@/components/designs/NameField";
import styles from "./NewDesignDialog.module.css";

const BLANK = "blank";
const BLANK_NAME = "Untitled design";

type Listing = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; templates: GalleryTemplate[] };
type Filter = "all" | "reference" | "classic";

const FILTERS: { id: Filter; label: string; matches: (template: GalleryTemplate) => boolean }[] = [
  { id: "all", label: "All", matches: () => true },
  { id: "reference", label: "Reference architectures", matches: (template) => template.source.doc !== undefined },
  { id: "classic", label: "Classics", matches: (template) => template.source.doc === undefined },
];

/** Reference architectures first, in seed order, then the classics by title. */
function byGalleryOrder(a: GalleryTemplate, b: GalleryTemplate): number {
  if (a.source.doc !== undefined && b.source.doc !== undefined) return a.source.doc.localeCompare(b.source.doc);
  if (a.source.doc !== undefined) return -1;
  if (b.source.doc !== undefined) return 1;
  return a.title.localeCompare(b.title);
}

interface NewDesignDialogProps {
  open: boolean;
  onClose: () => void;
  /** Each resolves to an error message to show, or null once the new design is open. */
  onCreateBlank: (name: string) => Promise<string | null>;
  onCreateFromTemplate: (templateId: string, name: string) => Promise<string | null>;
}

/** "New design": a blank canvas or a template from the gallery, then a name. */
export function NewDesignDialog({ open, onClose, ...actions }: NewDesignDialogProps) {
  return (
    <ModalDialog open={open} onClose={onClose} title="New design" placement="wide" description="Start from a blank canvas or from a real architecture. Templates keep the numbers of their source.">
      {open ? <Gallery onCancel={onClose} {...actions} /> : null}
    </ModalDialog>
  );
}

function Gallery({ onCancel, onCreateBlank, onCreateFromTemplate }: Omit<NewDesignDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const api = useMemo(() => createTemplatesApi(), []);
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [filter, setFilter] = useState<Filter>("all");
  const [selectedId, setSelectedId] = useState(BLANK);
  const [name, setName] = useState(BLANK_NAME);
  const [nameEdited, setNameEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api.listTemplates().then((result) => {
      if (!current) return;
      setListing(result.kind === "ok" ? { state: "ready", templates: [...result.value].sort(byGalleryOrder) } : { state: "error", message: result.error });
    });
    return () => {
      current = false;
    };
  }, [api]);

  const templates = listing.state === "ready" ? listing.templates : [];
  const visible = templates.filter(FILTERS.find((candidate) => candidate.id === filter)!.matches);
  const selected = templates.find((template) => template.id === selectedId);

  const choiceIds = [BLANK, ...visible.map((template) => template.id)];
  // Roving focus (the ARIA radio group pattern): Tab reaches the group once, at the selected card when it is shown.
  const focusableId = choiceIds.includes(selectedId) ? selectedId : BLANK;
  const moveWithArrows = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = choiceIds[(choiceIds.indexOf(focusableId) + step + choiceIds.length) % choiceIds.length];
    choose(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-choice="${CSS.escape(next)}"]`)?.focus();
  };

  const choose = (id: string) => {
    setSelectedId(id);
    setError(null);
    if (!nameEdited) setName(templates.find((template) => template.id === id)?.title ?? BLANK_NAME);
  };

  const create = async () => {
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError("A design needs a name.");
      return;
    }
    setBusy(true);
    try {
      setError(selected ? await onCreateFromTemplate(selected.id, trimmed) : await onCreateBlank(trimmed));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.layout}>
      <section className={styles.browser} aria-label="Templates">
        <div className={styles.filters} role="group" aria-label="Show">
          {FILTERS.map((candidate) => (
            <button key={candidate.id} type="button" className={styles.filter} aria-pressed={filter === candidate.id} onClick={() => setFilter(candidate.id)}>
              {candidate.label}
            </button>
          ))}
        </div>
        <div className={styles.grid} role="radiogroup" aria-label="Start from" onKeyDown={moveWithArrows}>
          <button
            type="button"
            role="radio"
            aria-checked={selectedId === BLANK}
            tabIndex={focusableId === BLANK ? 0 : -1}
            data-choice={BLANK}
            className={styles.card}
            onClick={() => choose(BLANK)}
            onDoubleClick={() => void create()}
          >
            <span className={`${styles.thumbnail} ${styles.blank}`} aria-hidden="true">
              +
            </span>
            <span className={styles.cardTitle}>Blank canvas</span>
            <span className={styles.cardMeta}>Start from nothing</span>
          </button>
          {visible.map((template) => (
            <button
              key={template.id}
              type="button"
              role="radio"
              aria-checked={selectedId === template.id}
              tabIndex={focusableId === template.id ? 0 : -1}
              data-choice={template.id}
              className={styles.card}
              onClick={() => choose(template.id)}
              onDoubleClick={() => void create()}
            >
              <img className={styles.thumbnail} src={template.thumbnail} alt="" loading="lazy" width={320} height={180} />
              <span className={styles.cardTitle}>{template.title}</span>
              <span className={styles.cardMeta}>{template.source.doc ? `Seed ${template.source.doc}` : "Classic"}</span>
            </button>
          ))}
        </div>
        {listing.state === "loading" ? <p className={styles.status}>Loading templates…</p> : null}
        {listing.state === "error" ? (
          <p role="alert" className={styles.status}>
            Templates could not be loaded: {listing.message} A blank canvas still works.
          </p>
        ) : null}
      </section>

      <form
        className={styles.detail}
        aria-label="Selected start"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        {selected ? <TemplateDetail template={selected} /> : <BlankDetail />}
        <div className={styles.nameField}>
          <NameField
            value={name}
            error={error}
            onChange={(next) => {
              setName(next);
              setNameEdited(true);
              setError(null);
            }}
          />
        </div>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Creating…" : "Create design"}
          </Button>
        </DialogActions>
      </form>
    </div>
  );
}

function BlankDetail() {
  return (
    <div className={styles.about}>
      <h3 className={styles.detailTitle}>Blank canvas</h3>
      <p className={styles.description}>An empty design. Drag components from the palette, connect them, and the findings tab checks the result as you go.</p>
    </div>
  );
}

function TemplateDetail({ template }: { template: GalleryTemplate }) {
  return (
    <div className={styles.about}>
      <img className={styles.preview} src={template.thumbnail} alt={`Schematic of ${template.title}`} width={320} height={180} />
      <h3 className={styles.detailTitle}>{template.title}</h3>
      <p className={styles.source}>
        Source: {template.source.label} · {template.componentCount} components · {template.connectionCount} connections
      </p>
      <p className={styles.description}>{template.description}</p>
      {template.openFindings.length > 0 ? (
        <div>
          <h4 className={styles.openTitle}>Left open by the source</h4>
          <ul className={styles.openList} aria-label="Findings the source leaves open">
            {template.openFindings.map((finding) => (
              <li key={finding.ruleId}>{finding.title}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
