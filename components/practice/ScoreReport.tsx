"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ExportButton } from "@/components/export/ExportButton";
import { Button } from "@/components/ui/Button";
import { ToastProvider } from "@/components/ui/Toast";
import type { Design } from "@/lib/model";
import { DRILLS, PHASE_LABELS, scenarioById } from "@/lib/practice";
import { designThumbnail } from "@/lib/templates/thumbnail";
import { practiceApi, type PracticeSessionView } from "./practice-api";
import styles from "./Practice.module.css";
import { PracticeTopBar } from "./PracticeTopBar";

/** A design's schematic as an image address: the same drawing as the template gallery's thumbnails. */
function schematic(design: Design): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(designThumbnail(design))}`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

/** The score page of a finished session: per item, per category, estimates, drills, timeline, reference answer and export. */
export function ScoreReport({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [session, setSession] = useState<PracticeSessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    practiceApi.get(sessionId).then(
      ({ session: loaded }) => setSession(loaded),
      (failure: Error) => setError(failure.message),
    );
  }, [sessionId]);

  const scenario = session ? scenarioById(session.scenarioId) : undefined;
  const report = session?.report;
  const finalDesign = session?.state.snapshots.at(-1)?.design;

  async function openReference() {
    if (!scenario) return;
    setOpening(true);
    try {
      const { id } = await practiceApi.importDesign(scenario.reference);
      router.push(`/designs/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setOpening(false);
    }
  }

  return (
    <ToastProvider>
      <div className={styles.page}>
        <PracticeTopBar />
        <main className={styles.main}>
          {error ? (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          ) : null}
          {session && !report ? (
            <p>
              This session is not finished yet. <Link href={`/practice/sessions/${encodeURIComponent(session.id)}`}>Continue it</Link>.
            </p>
          ) : null}
          {!session && !error ? <p aria-busy="true">Loading score…</p> : null}
          {session && report && scenario ? (
            <>
              <div>
                <h1 className={styles.title}>Score: {scenario.title}</h1>
                <p className={styles.score} aria-label="Total score">
                  {report.total.earned} / {report.total.max} ({report.total.percent} %)
                </p>
                <p className={styles.muted}>{report.explanation}</p>
                <p className={styles.muted}>
                  {report.minutesUsed} of {session.durationMinutes} minutes{report.overtime ? " (over time)" : ""} · {report.questions.asked} of {report.questions.total} clarifying
                  questions asked · {report.hints.used} hint{report.hints.used === 1 ? "" : "s"} (−{report.hints.cost})
                </p>
              </div>
              <div className={styles.toolbar}>
                {finalDesign ? <ExportButton design={finalDesign} /> : null}
                {session.designId ? <Link href={`/designs/${encodeURIComponent(session.designId)}`}>Open your design</Link> : null}
                <Link href="/practice/history">History</Link>
                <Link href="/practice">Practise again</Link>
              </div>

              <section aria-labelledby="rubric-title">
                <h2 id="rubric-title">Rubric</h2>
                <table className={styles.table} aria-label="Rubric items">
                  <thead>
                    <tr>
                      <th>Item</th>
                      <th>Points</th>
                      <th>What we saw</th>
                      <th>Why it matters · reference answer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rubric.items.map((item) => (
                      <tr key={item.id}>
                        <td>
                          <span className={item.passed ? styles.pass : styles.fail}>{item.passed ? "✓" : "✗"}</span> {item.title}
                          <div className={styles.muted}>
                            {item.category} · from {scenario.stages.find((stage) => stage.id === item.stage)?.label}
                          </div>
                        </td>
                        <td>
                          {item.earned} / {item.points}
                        </td>
                        <td>{item.detail}</td>
                        <td>
                          {item.explanation}
                          <div className={styles.muted}>Reference: {item.reference}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>

              <section aria-labelledby="categories-title">
                <h2 id="categories-title">By category</h2>
                <table className={styles.table} aria-label="Category scores">
                  <thead>
                    <tr>
                      <th>Category</th>
                      <th>Rubric</th>
                      <th>Best-practice rules</th>
                      <th>Explanation</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.categories.map((category) => (
                      <tr key={category.category}>
                        <td>{category.category}</td>
                        <td>{category.max === 0 ? "—" : `${category.earned} / ${category.max}`}</td>
                        <td>{category.rules ? `${category.rules.score} / 100` : "—"}</td>
                        <td>{category.explanation}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>

              <section aria-labelledby="estimates-title">
                <h2 id="estimates-title">Your estimates</h2>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th>Figure</th>
                      <th>Yours</th>
                      <th>Calculator</th>
                      <th>Your design provides</th>
                      <th>Verdict</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.estimates.map((figure) => (
                      <tr key={figure.figure}>
                        <td>{figure.label}</td>
                        <td>{figure.candidate ?? "—"}</td>
                        <td>{figure.reference}</td>
                        <td>{figure.design ?? "—"}</td>
                        <td>{figure.verdict}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>

              <section aria-labelledby="drills-title">
                <h2 id="drills-title">Failure drills on your final design</h2>
                <ul className={styles.plain}>
                  {report.drills.map((run) => (
                    <li key={run.drillId}>
                      <span className={run.passed ? styles.pass : styles.fail}>{run.notApplicable ? "Nothing to fail" : run.passed ? "Survived" : "Failed"}</span> {DRILLS.find((drill) => drill.id === run.drillId)?.title}: {percent(run.availability)}{" "}
                      served (needs {percent(run.threshold)}). {run.explanations.join(" ")}
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="reference-title">
                <h2 id="reference-title">Reference answer</h2>
                <p>{scenario.referenceNotes}</p>
                <div className={styles.schematics}>
                  {finalDesign ? (
                    <figure>
                      <img src={schematic(finalDesign)} alt={`Schematic of your design, ${finalDesign.components.length} components`} width={320} height={180} />
                      <figcaption>Your design at the end</figcaption>
                    </figure>
                  ) : null}
                  <figure>
                    <img src={schematic(scenario.reference)} alt={`Schematic of the reference answer, ${scenario.reference.components.length} components`} width={320} height={180} />
                    <figcaption>Reference answer</figcaption>
                  </figure>
                </div>
                <p className={styles.muted}>
                  {scenario.reference.components.length} components: {scenario.reference.components.map((component) => component.name).join(", ")}.
                </p>
                <Button disabled={opening} onClick={() => void openReference()}>
                  Open the reference answer as a new design
                </Button>
              </section>

              <section aria-labelledby="timeline-title">
                <h2 id="timeline-title">Timeline</h2>
                <ol className={styles.list}>
                  {session.state.timeline.map((entry, index) => (
                    <li key={index}>
                      <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time> — {entry.message}
                    </li>
                  ))}
                </ol>
                <p className={styles.muted}>
                  Design snapshots:{" "}
                  {session.state.snapshots.map((snapshot) => `${PHASE_LABELS[snapshot.phase]} (${snapshot.design.components.length} components)`).join(" · ")}
                </p>
              </section>
            </>
          ) : null}
        </main>
      </div>
    </ToastProvider>
  );
}
