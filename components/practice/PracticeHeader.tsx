"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ExportButton } from "@/components/export/ExportButton";
import { Button } from "@/components/ui/Button";
import type { Design } from "@/lib/model";
import { PHASE_LABELS } from "@/lib/practice";
import styles from "./Practice.module.css";
import { usePracticeSession } from "./session-context";

function clock(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? "−" : "";
  const seconds = Math.abs(totalSeconds);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The interview clock, the current phase and stage, and Finish; lives in the editor header. */
export function PracticeHeader({ design }: { design: Design }) {
  const { session, scenario, send, busy } = usePracticeSession();
  const router = useRouter();
  const deadline = Date.parse(session.startedAt) + session.durationMinutes * 60_000;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = Math.round((deadline - now) / 1000);
  const stage = scenario.stages.find((candidate) => candidate.id === session.state.stageId);

  async function finish() {
    // On a refusal stay in the editor, where the practice tab shows why.
    if (await send({ type: "finish", design })) router.push(`/practice/sessions/${encodeURIComponent(session.id)}/score`);
  }

  return (
    <div className={styles.headerGroup}>
      <span className={`${styles.timer} ${remaining < 0 ? styles.overtime : ""}`} role="timer" aria-label="Time left">
        {clock(remaining)}
      </span>
      <span aria-label="Current phase">{PHASE_LABELS[session.state.phase]}</span>
      <span className={styles.badge}>{stage?.label}</span>
      <ExportButton design={design} />
      <Button size="small" variant="primary" disabled={busy} onClick={() => void finish()}>
        Finish interview
      </Button>
    </div>
  );
}
