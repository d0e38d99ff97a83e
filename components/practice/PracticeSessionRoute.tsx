"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { EditorRoute } from "@/components/designer/EditorRoute";
import type { EditorPanel, EditorPanelContext } from "@/components/designer/Editor";
import { SimulationProvider } from "@/components/simulation/SimulationProvider";
import { scenarioById, type PracticeEventInput } from "@/lib/practice";
import { PracticeApiError, practiceApi, type PracticeSessionView } from "./practice-api";
import styles from "./Practice.module.css";
import { PracticeHeader } from "./PracticeHeader";
import { PracticePanel } from "./PracticePanel";
import { PracticeSimulationPanel } from "./PracticeSimulationPanel";
import { PracticeSessionContext, type PracticeSessionContextValue } from "./session-context";
import { PracticeTopBar } from "./PracticeTopBar";

/** The Practice tab leads; Simulate lets a candidate load the design as the drills will. Findings stay hidden: the score judges the candidate. */
const PANELS: readonly EditorPanel[] = [
  { id: "practice", title: "Practice", render: ({ design }) => <PracticePanel design={design} /> },
  { id: "simulate", title: "Simulate", render: ({ design, reveal }) => <PracticeSimulationPanel design={design} reveal={reveal} /> },
];
const headerActions = ({ design }: EditorPanelContext) => <PracticeHeader design={design} />;

/** A running practice interview: the editor on the session's design, with the practice tab and the clock. */
export function PracticeSessionRoute({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [session, setSession] = useState<PracticeSessionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Shows the stored session, or its score page once it is finished. */
  const show = useCallback(
    (loaded: PracticeSessionView) => (loaded.finishedAt ? router.replace(`/practice/sessions/${encodeURIComponent(loaded.id)}/score`) : setSession(loaded)),
    [router],
  );

  useEffect(() => {
    practiceApi.get(sessionId).then(
      ({ session: loaded }) => show(loaded),
      (failure: Error) => setLoadError(failure.message),
    );
  }, [sessionId, show]);

  const send = useCallback(
    async (event: PracticeEventInput) => {
      setBusy(true);
      setError(null);
      try {
        setSession((await practiceApi.send(sessionId, event)).session);
        return true;
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        // A 409 means the stored session moved on (another tab, or it was finished): show what is stored now.
        if (failure instanceof PracticeApiError && failure.status === 409) {
          await practiceApi.get(sessionId).then(
            ({ session: loaded }) => {
              show(loaded);
              setError(`${message.replace(/\.$/, "")}. The session has been reloaded.`);
            },
            (reload: Error) => setError(`${message.replace(/\.$/, "")}. Reloading the session failed too: ${reload.message}`),
          );
        } else {
          setError(message);
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [sessionId, show],
  );

  const scenario = session ? scenarioById(session.scenarioId) : undefined;
  const context = useMemo<PracticeSessionContextValue | null>(
    () => (session && scenario ? { session, scenario, send, busy, error } : null),
    [session, scenario, send, busy, error],
  );

  if (loadError || (session && (!scenario || !session.designId))) {
    return (
      <div className={styles.page}>
        <PracticeTopBar />
        <main className={styles.main} role="alert">
          <h1 className={styles.title}>This practice session cannot be opened</h1>
          <p>{loadError ?? "Its scenario or design no longer exists."}</p>
          <Link href="/practice">Back to the scenarios</Link>
        </main>
      </div>
    );
  }
  if (!context || !session?.designId) return <p aria-busy="true">Loading practice session…</p>;
  return (
    <PracticeSessionContext.Provider value={context}>
      <SimulationProvider>
        <EditorRoute designId={session.designId} panels={PANELS} headerActions={headerActions} initialPanel="practice" />
      </SimulationProvider>
    </PracticeSessionContext.Provider>
  );
}
