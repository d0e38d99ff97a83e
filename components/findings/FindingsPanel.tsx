"use client";

import { useId, useState, type FormEvent } from "react";
import { formatCitation } from "@/lib/model/citation";
import type { Scores } from "@/lib/rules/run-rules";
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from "@/lib/rules/support/types";
import styles from "./FindingsPanel.module.css";
import { Button } from "@/components/ui/Button";

export { worstSeverityByTarget } from "./worst-severity";

export interface FindingsPanelProps {
  findings: readonly Finding[];
  scores: Scores;
  /** A newer version of the design is being checked; the findings shown are the previous check's. */
  checking?: boolean;
  /** Select and frame what the finding points at. */
  onSelect(finding: Finding): void;
  /** Apply the finding's mechanical fix as one undoable step. */
  onFix(finding: Finding): void;
  onAcknowledge(finding: Finding, reason: string): void;
  onUnacknowledge(finding: Finding): void;
}

const SEVERITY_LABELS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const SEVERITY_MARKS: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };
const CATEGORY_LABELS: Record<Category, string> = {
  reliability: "Reliability",
  security: "Security",
  performance: "Performance",
  operations: "Operations",
  cost: "Cost",
};

function ScoreSummary({ scores }: { scores: Scores }) {
  return (
    <div className={styles.scores}>
      <p className={styles.overall} title={scores.explanation}>
        <span className={styles.overallValue}>{scores.overall}</span>
        <span className={styles.overallLabel}>overall score</span>
      </p>
      <ul className={styles.categoryScores} aria-label="Scores by category">
        {CATEGORIES.map((category) => (
          <li key={category} title={scores.categories[category].explanation}>
            <span>{CATEGORY_LABELS[category]}</span>
            <strong>{scores.categories[category].score}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AcknowledgeControl({ finding, onAcknowledge, onUnacknowledge }: Pick<FindingsPanelProps, "onAcknowledge" | "onUnacknowledge"> & { finding: Finding }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const inputId = useId();

  if (finding.acknowledgement) {
    return (
      <div className={styles.acknowledged}>
        <p>
          <strong>Acknowledged:</strong> {finding.acknowledgement.reason}
        </p>
        <Button size="small" variant="link" onClick={() => onUnacknowledge(finding)}>
          Reopen
        </Button>
      </div>
    );
  }
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)} aria-expanded={false}>
        Acknowledge…
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return;
    onAcknowledge(finding, trimmed);
    setOpen(false);
    setReason("");
  };
  return (
    <form className={styles.acknowledgeForm} onSubmit={submit}>
      <label htmlFor={inputId}>Why is this acceptable?</label>
      <input id={inputId} value={reason} maxLength={1000} autoFocus onChange={(event) => setReason(event.target.value)} />
      <div className={styles.actions}>
        <Button size="small" type="submit" disabled={reason.trim() === ""}>
          Acknowledge
        </Button>
        <Button size="small" variant="link" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function FindingItem({ finding, onSelect, onFix, onAcknowledge, onUnacknowledge }: Omit<FindingsPanelProps, "findings" | "scores"> & { finding: Finding }) {
  return (
    <li className={`${styles.finding} ${styles[finding.severity]} ${finding.acknowledgement ? styles.isAcknowledged : ""}`} data-finding-id={finding.id}>
      <button type="button" className={styles.select} onClick={() => onSelect(finding)}>
        <span className={styles.mark} aria-hidden="true">
          {SEVERITY_MARKS[finding.severity]}
        </span>
        <span className="visually-hidden">{finding.severity}: </span>
        <span className={styles.title}>{finding.title}</span>
      </button>
      <p className={styles.message}>{finding.message}</p>
      <details className={styles.details}>
        <summary>Why it matters</summary>
        <p>{finding.rationale}</p>
        <p>
          <strong>What to do:</strong> {finding.remediation}
        </p>
      </details>
      <p className={styles.citation}>Source: {finding.citations.map(formatCitation).join("; ")}</p>
      <div className={styles.actions}>
        {finding.fixable && !finding.acknowledgement ? (
          <Button size="small" variant="primary" onClick={() => onFix(finding)}>
            Fix
          </Button>
        ) : null}
        <AcknowledgeControl finding={finding} onAcknowledge={onAcknowledge} onUnacknowledge={onUnacknowledge} />
      </div>
    </li>
  );
}

/** Findings grouped by severity, then category, with the scores on top; every action goes through the callbacks. */
export function FindingsPanel({ findings, scores, checking = false, ...handlers }: FindingsPanelProps) {
  const headingId = useId();
  const open = findings.filter((finding) => !finding.acknowledgement).length;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <header className={styles.header}>
        <h2 id={headingId}>Findings</h2>
        <span className={styles.count} role="status">
          {open === 0 ? "none open" : `${open} open`}
          {checking ? " · checking the latest edit…" : ""}
        </span>
      </header>
      <ScoreSummary scores={scores} />
      {findings.length === 0 ? <p className={styles.empty}>No findings: this design follows every rule.</p> : null}
      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((finding) => finding.severity === severity);
        if (ofSeverity.length === 0) return null;
        return (
          <section key={severity} className={styles.group} aria-label={SEVERITY_LABELS[severity]}>
            <h3>
              {SEVERITY_LABELS[severity]} <span className={styles.count}>{ofSeverity.length}</span>
            </h3>
            {CATEGORIES.map((category) => {
              const items = ofSeverity.filter((finding) => finding.category === category);
              if (items.length === 0) return null;
              return (
                <div key={category} className={styles.category}>
                  <h4>{CATEGORY_LABELS[category]}</h4>
                  <ul className={styles.list}>
                    {items.map((finding) => (
                      <FindingItem key={finding.id} finding={finding} {...handlers} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </section>
  );
}
