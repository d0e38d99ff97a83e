"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { DEFAULT_DURATION_MINUTES, DIFFICULTIES, SCENARIOS, type Difficulty } from "@/lib/practice";
import { practiceApi } from "./practice-api";
import styles from "./Practice.module.css";
import { PracticeTopBar } from "./PracticeTopBar";

/** Pick a scenario (filtered by difficulty), set the clock and start a practice interview. */
export function ScenarioBank() {
  const router = useRouter();
  const [difficulty, setDifficulty] = useState<Difficulty | "all">("all");
  const [minutes, setMinutes] = useState(DEFAULT_DURATION_MINUTES);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = SCENARIOS.filter((scenario) => difficulty === "all" || scenario.difficulty === difficulty);

  async function start(scenarioId: string) {
    setStarting(scenarioId);
    setError(null);
    try {
      const { session } = await practiceApi.start(scenarioId, minutes);
      router.push(`/practice/sessions/${encodeURIComponent(session.id)}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setStarting(null);
    }
  }

  return (
    <div className={styles.page}>
      <PracticeTopBar />
      <main className={styles.main}>
        <div>
          <h1 className={styles.title}>Interview practice</h1>
          <p className={styles.subtitle}>
            Clarify, estimate, draw and defend a design against the clock; survive failure drills as the load grows, then see your score and leave with a starter repo.
          </p>
        </div>
        <div className={styles.toolbar}>
          <label>
            Difficulty
            <select className={styles.input} value={difficulty} onChange={(event) => setDifficulty(event.target.value as Difficulty | "all")}>
              <option value="all">All</option>
              {DIFFICULTIES.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </label>
          <label>
            Minutes
            <input
              className={`${styles.input} ${styles.narrow}`}
              type="number"
              min={5}
              max={180}
              value={minutes}
              onChange={(event) => setMinutes(Math.max(5, Math.min(180, Number(event.target.value) || DEFAULT_DURATION_MINUTES)))}
            />
          </label>
        </div>
        {error ? (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        <ul className={styles.grid} aria-label="Scenarios">
          {shown.map((scenario) => (
            <li key={scenario.id} className={styles.card} aria-label={scenario.title}>
              <h2>{scenario.title}</h2>
              <span className={`${styles.badge} ${styles[scenario.difficulty]}`}>{scenario.difficulty}</span>
              <p className={styles.muted}>{scenario.summary}</p>
              <p className={styles.muted}>
                {scenario.requirements.readWriteRatio} {scenario.requirements.latency}
              </p>
              <Button variant="primary" disabled={starting !== null} onClick={() => void start(scenario.id)}>
                {starting === scenario.id ? "Starting…" : `Start ${scenario.title}`}
              </Button>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
