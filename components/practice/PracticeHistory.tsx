"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { ModalDialog } from "@/components/persistence/ModalDialog";
import { Button } from "@/components/ui/Button";
import { PHASE_LABELS, type Phase } from "@/lib/practice";
import { practiceApi, type PracticeSessionSummaryView } from "./practice-api";
import styles from "./Practice.module.css";
import { PracticeTopBar } from "./PracticeTopBar";

const CHART = { width: 720, height: 220, padding: 32 };

/** Score per finished session over time, oldest first. */
function ProgressChart({ sessions }: { sessions: PracticeSessionSummaryView[] }) {
  const points = sessions.map((session, index) => {
    const x = CHART.padding + (sessions.length === 1 ? 0 : (index / (sessions.length - 1)) * (CHART.width - 2 * CHART.padding));
    const y = CHART.height - CHART.padding - ((session.scorePercent ?? 0) / 100) * (CHART.height - 2 * CHART.padding);
    return { x, y, session };
  });
  return (
    <svg className={styles.chart} viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={`Scores over time: ${sessions.map((session) => `${session.scorePercent} %`).join(", ")}`}>
      {[0, 50, 100].map((value) => {
        const y = CHART.height - CHART.padding - (value / 100) * (CHART.height - 2 * CHART.padding);
        return (
          <g key={value}>
            <line x1={CHART.padding} x2={CHART.width - CHART.padding} y1={y} y2={y} stroke="var(--color-border)" />
            <text x={4} y={y + 4} fontSize="11" fill="var(--color-text-muted)">
              {value}%
            </text>
          </g>
        );
      })}
      <polyline fill="none" stroke="var(--color-accent)" strokeWidth="2" points={points.map((point) => `${point.x},${point.y}`).join(" ")} />
      {points.map((point) => (
        <circle key={point.session.id} cx={point.x} cy={point.y} r="4" fill="var(--color-accent)">
          <title>{`${point.session.scenarioTitle}: ${point.session.scorePercent} %`}</title>
        </circle>
      ))}
    </svg>
  );
}

function progressOf(session: PracticeSessionSummaryView): string {
  if (session.scorePercent !== null) return `${session.scorePercent} %`;
  const phase = session.phase !== null && session.phase in PHASE_LABELS ? PHASE_LABELS[session.phase as Phase] : null;
  return phase ? `in progress (${phase})` : "in progress";
}

interface DeleteDialogProps {
  session: PracticeSessionSummaryView;
  onCancel: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting a session, which also deletes the design drawn in it. */
function DeleteDialog({ session, onCancel, onDeleted }: DeleteDialogProps) {
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <ModalDialog
      open
      onClose={onCancel}
      title="Delete this session?"
      description={`“${session.scenarioTitle}”, started ${new Date(session.startedAt).toLocaleString()}, and the design drawn in it are deleted for good.`}
    >
      {failure ? (
        <p role="alert" className={styles.error}>
          {failure}
        </p>
      ) : null}
      <div className={styles.dialogActions}>
        <Button onClick={onCancel} disabled={deleting} data-autofocus>
          Keep it
        </Button>
        <Button
          variant="danger"
          disabled={deleting}
          onClick={async () => {
            setDeleting(true);
            setFailure(null);
            try {
              await practiceApi.remove(session.id);
              onDeleted(session.id);
            } catch (error) {
              setFailure(`Could not delete the session: ${(error as Error).message}`);
            } finally {
              setDeleting(false);
            }
          }}
        >
          {deleting ? "Deleting…" : "Delete session"}
        </Button>
      </div>
    </ModalDialog>
  );
}

/** Every practice session, newest first, and the progress of finished ones over time. */
export function PracticeHistory() {
  const [sessions, setSessions] = useState<PracticeSessionSummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PracticeSessionSummaryView | null>(null);

  useEffect(() => {
    practiceApi.list().then(
      ({ sessions: loaded }) => setSessions(loaded),
      (failure: Error) => setError(failure.message),
    );
  }, []);

  const finished = (sessions ?? []).filter((session) => session.finishedAt !== null).reverse();

  return (
    <div className={styles.page}>
      <PracticeTopBar />
      <main className={styles.main}>
        <h1 className={styles.title}>Practice history</h1>
        {error ? (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        {sessions === null && !error ? <p aria-busy="true">Loading history…</p> : null}
        {sessions !== null && sessions.length === 0 ? (
          <p>
            No practice sessions yet. <Link href="/practice">Pick a scenario</Link>.
          </p>
        ) : null}
        {finished.length > 0 ? <ProgressChart sessions={finished} /> : null}
        {sessions !== null && sessions.length > 0 ? (
          <table className={styles.table} aria-label="Practice sessions">
            <thead>
              <tr>
                <th>Started</th>
                <th>Scenario</th>
                <th>Difficulty</th>
                <th>Stage</th>
                <th>Score</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <time dateTime={session.startedAt}>{new Date(session.startedAt).toLocaleString()}</time>
                  </td>
                  <td>{session.scenarioTitle}</td>
                  <td>{session.difficulty}</td>
                  <td>{session.stageId === null ? "—" : session.stageId.toUpperCase()}</td>
                  <td>{progressOf(session)}</td>
                  <td className={styles.rowActions}>
                    <Link href={`/practice/sessions/${encodeURIComponent(session.id)}${session.finishedAt ? "/score" : ""}`}>{session.finishedAt ? "Score" : "Continue"}</Link>
                    <Button size="small" variant="ghost" onClick={() => setDeleting(session)} aria-label={`Delete the ${session.scenarioTitle} session of ${new Date(session.startedAt).toLocaleString()}`}>
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {deleting ? (
          <DeleteDialog
            key={deleting.id}
            session={deleting}
            onCancel={() => setDeleting(null)}
            onDeleted={(id) => {
              setDeleting(null);
              setSessions((current) => (current === null ? current : current.filter((session) => session.id !== id)));
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
