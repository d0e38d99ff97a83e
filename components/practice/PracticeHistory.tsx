"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
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

/** Every practice session, newest first, and the progress of finished ones over time. */
export function PracticeHistory() {
  const [sessions, setSessions] = useState<PracticeSessionSummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

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
                  <td>{session.stageId.toUpperCase()}</td>
                  <td>{session.scorePercent === null ? "in progress" : `${session.scorePercent} %`}</td>
                  <td>
                    <Link href={`/practice/sessions/${encodeURIComponent(session.id)}${session.finishedAt ? "/score" : ""}`}>{session.finishedAt ? "Score" : "Continue"}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
    </div>
  );
}
