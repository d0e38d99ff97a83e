"use client";

import { useEffect } from "react";
import type { Design } from "@/lib/model";
import { JOURNEY_PHASES, formatMs, formatPercent, type PathDetail } from "@/lib/simulation";
import styles from "./SimulationPanel.module.css";
import { Button } from "@/components/ui/Button";

/** Time spent at each hop while playing back. */
const STEP_MS = 1100;

/**
 * One request animated along a path, hop by hop: the canvas highlights the component it is at and the connection
 * it crossed, and the list shows each hop's phase (seeds 000 and 001) and its share of the path's median latency.
 */
export function JourneyPlayback({
  design,
  path,
  hop,
  onHop,
  onStop,
}: {
  design: Design;
  path: PathDetail;
  hop: number;
  onHop: (hop: number) => void;
  onStop: () => void;
}) {
  const last = path.componentIds.length - 1;
  useEffect(() => {
    if (hop >= last) return;
    const timer = setTimeout(() => onHop(hop + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [hop, last, onHop]);
  const component = (id: string) => design.components.find((candidate) => candidate.id === id);
  const steps = path.componentIds.map((id, index) => ({
    id,
    ms: index === 0 ? path.entryP50Ms : path.hops[index - 1].p50Ms,
    failed: index > 0 && path.hops[index - 1].success < 0.5,
  }));
  const total = steps.reduce((sum, step) => sum + step.ms, 0);
  return (
    <section className={styles.playback} aria-label="Request journey">
      <header className={styles.playbackHeader}>
        <h3 className={styles.subheading}>Request journey · p50 {formatMs(path.p50Ms)}</h3>
        <div>
          <Button size="small" variant="link" onClick={() => onHop(0)}>
            Replay
          </Button>{" "}
          <Button size="small" variant="link" onClick={onStop}>
            Stop
          </Button>
        </div>
      </header>
      <ol className={styles.hops}>
        {steps.map((step, index) => {
          const kind = component(step.id)?.kind;
          const share = total > 0 ? step.ms / total : 0;
          return (
            <li key={`${step.id}-${index}`} data-current={index === hop ? "true" : undefined} data-reached={index <= hop ? "true" : undefined} aria-current={index === hop ? "step" : undefined}>
              <span className={styles.hopName}>{component(step.id)?.name ?? step.id}</span>
              <span className={styles.hopPhase}>{kind ? JOURNEY_PHASES[kind].label : ""}</span>
              <span className={styles.hopFigure}>
                {formatMs(step.ms)} · {formatPercent(share)}
                {step.failed ? " · fails here" : ""}
              </span>
              <span className={styles.bar} aria-hidden="true">
                <span style={{ width: `${share * 100}%` }} />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
