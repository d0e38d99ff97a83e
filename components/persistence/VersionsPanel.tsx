"use client";

import { useCallback, useEffect, useState } from "react";
import type { VersionSummary } from "@/lib/designer/persistence/api-client";
import { formatMoment } from "@/lib/designer/persistence/time-format";
import { describeChanges, groupVersions } from "@/lib/designer/persistence/version-sessions";
import type { ChangeSummary } from "@/lib/model/change-summary";
import type { DiffSection } from "@/lib/review/format-diff";
import type { DesignPersistence } from "@/lib/designer/persistence/use-design-persistence";
import { Button } from "@/components/ui/Button";
import { ModalDialog } from "./ModalDialog";
import styles from "./VersionsPanel.module.css";

interface VersionsPanelProps {
  persistence: DesignPersistence;
  open: boolean;
  onClose: () => void;
}

type Listing = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; versions: VersionSummary[] };

type Comparison = { revision: number } & ({ state: "loading" } | { state: "error"; message: string } | { state: "ready"; outline: DiffSection[] });

const MARK_WORDS: Record<DiffSection["entries"][number]["mark"], string> = { "+": "Added", "−": "Removed", "~": "Changed" };

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

interface NameFormProps {
  version: VersionSummary;
  onSave: (label: string | null) => Promise<boolean>;
  onCancel: () => void;
}

/** Names one version; an empty name removes it. A form, so Enter saves. */
function NameForm({ version, onSave, onCancel }: NameFormProps) {
  const [text, setText] = useState(version.label ?? "");
  const [saving, setSaving] = useState(false);
  return (
    <form
      className={styles.nameForm}
      onSubmit={async (event) => {
        event.preventDefault();
        setSaving(true);
        const saved = await onSave(text.trim() === "" ? null : text.trim());
        if (!saved) setSaving(false);
      }}
    >
      <input
        className={styles.nameInput}
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.target.value)}
        aria-label={`Name of revision ${version.revision}`}
        placeholder="e.g. Before the review"
        autoFocus
      />
      <Button size="small" type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save name"}
      </Button>
      <Button size="small" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
    </form>
  );
}

/** Every kept revision, newest first; restoring one saves it again as the newest revision, naming one keeps it. */
export function VersionsPanel({ persistence, open, onClose }: VersionsPanelProps) {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [restoring, setRestoring] = useState<number | null>(null);
  const [naming, setNaming] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const { list, restore, label, compare } = persistence.versions;

  const load = useCallback(async () => {
    setListing({ state: "loading" });
    const result = await list();
    if (result.kind === "ok") setListing({ state: "ready", versions: [...result.versions].sort((a, b) => b.revision - a.revision) });
    else setListing({ state: "error", message: result.message });
  }, [list]);

  useEffect(() => {
    if (!open) return;
    setMessage(null);
    void load();
  }, [open, load]);

  async function restoreRevision(revision: number) {
    setRestoring(revision);
    setMessage(null);
    const result = await restore(revision);
    setRestoring(null);
    if (result.kind === "ok") {
      setMessage({ tone: "info", text: `Restored revision ${revision}. It is now saved as revision ${result.revision}.` });
      void load();
    } else if (result.kind === "conflict") {
      onClose();
    } else {
      setMessage({ tone: "error", text: result.message });
    }
  }

  async function compareWithCurrent(revision: number) {
    setComparison({ revision, state: "loading" });
    const result = await compare(revision, persistence.revision);
    setComparison(result.kind === "ok" ? { revision, state: "ready", outline: result.outline } : { revision, state: "error", message: result.message });
  }

  async function nameRevision(revision: number, name: string | null): Promise<boolean> {
    setMessage(null);
    const result = await label(revision, name);
    if (result.kind === "error") {
      setMessage({ tone: "error", text: result.message });
      return false;
    }
    setNaming(null);
    setMessage({ tone: "info", text: name === null ? `Revision ${revision} has no name any more.` : `Revision ${revision} is named “${name}” and kept for good.` });
    setListing((current) =>
      current.state === "ready"
        ? { state: "ready", versions: current.versions.map((version) => (version.revision === revision ? result.version : version)) }
        : current,
    );
    return true;
  }

  const now = Date.now();
  const rowProps = {
    now,
    currentRevision: persistence.revision,
    naming,
    restoring,
    onName: setNaming,
    onSaveName: nameRevision,
    onRestore: (revision: number) => void restoreRevision(revision),
    onCompare: (revision: number) => void compareWithCurrent(revision),
  };
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Versions"
      placement="side"
      description="Every save keeps a version: all from the last hour, then one per 10 minutes for a day, one per day after, at most 200. Saves less than 30 minutes apart are grouped into an editing session. Named versions are kept for good. Restoring one saves it again as the newest revision."
    >
      <p role="status" className={message?.tone === "error" ? styles.error : styles.info}>
        {message?.text ?? ""}
      </p>
      {listing.state === "loading" ? <p className={styles.muted}>Loading versions…</p> : null}
      {listing.state === "error" ? (
        <div role="alert" className={styles.error}>
          <p>Could not load versions: {listing.message}</p>
          <Button size="small" onClick={() => void load()}>
            Try again
          </Button>
        </div>
      ) : null}
      {comparison ? <ComparisonView comparison={comparison} current={persistence.revision} onClose={() => setComparison(null)} /> : null}
      {listing.state === "ready" ? (
        <ol className={styles.list} aria-label="Saved versions">
          {groupVersions(listing.versions).map((entry) =>
            entry.kind === "named" ? (
              <VersionRow key={entry.version.revision} version={entry.version} {...rowProps} />
            ) : (
              <SessionEntry key={entry.versions[0].revision} versions={entry.versions} changes={entry.changes} rowProps={rowProps} />
            ),
          )}
        </ol>
      ) : null}
    </ModalDialog>
  );
}

interface VersionRowProps {
  version: VersionSummary;
  now: number;
  currentRevision: number | null;
  naming: number | null;
  restoring: number | null;
  onName: (revision: number | null) => void;
  onSaveName: (revision: number, name: string | null) => Promise<boolean>;
  onRestore: (revision: number) => void;
  onCompare: (revision: number) => void;
}

function changesText(changes: ChangeSummary | null, firstWords: string): string {
  if (changes === null) return firstWords;
  const phrases = describeChanges(changes);
  return phrases.length === 0 ? "No changes" : phrases.join(", ");
}

/** One kept revision: its name or number, when, what it changed, and the actions on it. */
function VersionRow({ version, now, currentRevision, naming, restoring, onName, onSaveName, onRestore, onCompare }: VersionRowProps) {
  const current = version.revision === currentRevision;
  return (
    <li className={styles.version} aria-label={`Revision ${version.revision}`}>
      <div className={styles.versionText}>
        <span className={styles.versionTitle}>
          {version.label ?? `Revision ${version.revision}`}
          {current ? <span className={styles.badge}>Current</span> : null}
        </span>
        <span className={styles.muted}>
          {version.label === null ? null : `Revision ${version.revision} · `}
          <time dateTime={version.createdAt}>{formatMoment(Date.parse(version.createdAt), now)}</time> · {plural(version.componentCount, "component")}
        </span>
        <span className={styles.changes}>{changesText(version.changes, "First version")}</span>
        {naming === version.revision ? <NameForm version={version} onSave={(name) => onSaveName(version.revision, name)} onCancel={() => onName(null)} /> : null}
      </div>
      <div className={styles.actions}>
        {naming === version.revision ? null : (
          <Button size="small" onClick={() => onName(version.revision)} aria-label={`${version.label === null ? "Name this version" : "Rename"}: revision ${version.revision}`}>
            {version.label === null ? "Name this version" : "Rename"}
          </Button>
        )}
        {current ? null : (
          <Button size="small" onClick={() => onCompare(version.revision)} aria-label={`Compare revision ${version.revision} with the current one`}>
            Compare
          </Button>
        )}
        {current ? null : (
          <Button size="small" disabled={restoring !== null} onClick={() => onRestore(version.revision)} aria-label={`Restore revision ${version.revision}`}>
            {restoring === version.revision ? "Restoring…" : "Restore"}
          </Button>
        )}
      </div>
    </li>
  );
}

interface SessionEntryProps {
  versions: VersionSummary[];
  changes: ChangeSummary | null;
  rowProps: Omit<VersionRowProps, "version">;
}

/** An editing session: its span and what it changed in all, its newest save, and the earlier saves on request. */
function SessionEntry({ versions, changes, rowProps }: SessionEntryProps) {
  const [expanded, setExpanded] = useState(false);
  const [newest, ...earlier] = versions;
  const oldest = versions.at(-1) ?? newest;
  const from = formatMoment(Date.parse(oldest.createdAt), rowProps.now);
  const to = formatMoment(Date.parse(newest.createdAt), rowProps.now);
  const span = from === to ? from : `${from} – ${to}`;
  return (
    <li className={styles.session} aria-label={`Editing session, ${plural(versions.length, "save")}`}>
      <div className={styles.sessionHeader}>
        <span className={styles.sessionTitle}>Editing session</span>
        <span className={styles.muted}>
          {span} · {plural(versions.length, "save")}
          {versions.length > 1 && changes !== null ? ` · in all: ${changesText(changes, "")}` : null}
        </span>
      </div>
      <ol className={styles.sessionVersions}>
        <VersionRow version={newest} {...rowProps} />
        {expanded ? earlier.map((version) => <VersionRow key={version.revision} version={version} {...rowProps} />) : null}
      </ol>
      {earlier.length > 0 ? (
        <button type="button" className={styles.expand} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? "Hide earlier saves" : `Show ${plural(earlier.length, "earlier save")}`}
        </button>
      ) : null}
    </li>
  );
}

/** What changed from an earlier revision to the current one: items, settings, findings and simulated load. */
function ComparisonView({ comparison, current, onClose }: { comparison: Comparison; current: number; onClose: () => void }) {
  return (
    <section className={styles.comparison} aria-label={`Changes from revision ${comparison.revision} to revision ${current}`}>
      <div className={styles.comparisonHeader}>
        <strong>
          Revision {comparison.revision} → revision {current} (current)
        </strong>
        <Button size="small" variant="ghost" onClick={onClose}>
          Hide
        </Button>
      </div>
      {comparison.state === "loading" ? <p className={styles.muted}>Comparing…</p> : null}
      {comparison.state === "error" ? (
        <p role="alert" className={styles.error}>
          Could not compare: {comparison.message}
        </p>
      ) : null}
      {comparison.state === "ready"
        ? comparison.outline.map((section) => (
            <div key={section.title} className={styles.comparisonSection}>
              <p className={styles.comparisonTitle}>
                {section.title}: <span className={styles.muted}>{section.summary}</span>
              </p>
              {section.entries.length > 0 ? (
                <ul className={styles.comparisonEntries}>
                  {section.entries.slice(0, 50).map((entry, index) => (
                    <li key={`${entry.text}-${index}`} data-mark={entry.mark}>
                      <span className={styles.comparisonMark}>{MARK_WORDS[entry.mark]}</span> {entry.text}
                      {entry.details.length > 0 ? (
                        <ul>
                          {entry.details.map((detail) => (
                            <li key={detail}>{detail}</li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                  {section.entries.length > 50 ? <li className={styles.muted}>and {section.entries.length - 50} more</li> : null}
                </ul>
              ) : null}
            </div>
          ))
        : null}
    </section>
  );
}
