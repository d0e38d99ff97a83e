"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { EditorRoute } from "@/components/designer/EditorRoute";
import type { EditorPanel, EditorPanelContext } from "@/components/designer/Editor";
import { scenarioById, type PracticeEventInput } from "@/lib/practice";
import { practiceApi, type PracticeSessionView } from "./practice-api";
import styles from "./Practice.module.css";
import { PracticeHeader } from "./PracticeHeader";
import { PracticePanel } from "./PracticePanel";
import { PracticeSessionContext, type PracticeSessionContextValue } from "./session-context";
import { PracticeTopBar } from "./PracticeTopBar";

const PANELS: readonly EditorPanel[] = [{ id: "practice", title: "Practice", render: ({ design }) => <PracticePanel design={design} /> }];
const headerActions = ({ design }: EditorPanelContext) => <PracticeHeader design={design} />;

/** A running practice interview: the editor on the session's design, with the practice tab and the clock. */
export function PracticeSessionRoute({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [session, setSession] = useState<PracticeSessionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    practiceApi.get(sessionId).then(
      ({ session: loaded }) => (loaded.finishedAt ? router.replace(`/practice/sessions/${encodeURIComponent(loaded.id)}/score`) : setSession(loaded)),
      (failure: Error) => setLoadError(failure.message),
    );
  }, [sessionId, router]);

  const send = useCallback(
    async (event: PracticeEventInput) => {
      setBusy(true);
      setError(null);
      try {
        const outcome = await practiceApi.send(sessionId, event);
        setSession(outcome.session);
        return outcome.drillRun;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [sessionId],
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
      <EditorRoute designId={session.designId} panels={PANELS} headerActions={headerActions} initialPanel="practice" />
    </PracticeSessionContext.Provider>
  );
}
