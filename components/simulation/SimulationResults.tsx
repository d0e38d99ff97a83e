"use client";

import type { ReactNode } from "react";
import { utilisationColour } from "@/components/nodes/SimulationOverlayContext";
import type { Design } from "@/lib/model";
import { formatMs, formatNumber, formatPercent, type DetailedSimulationResult, type PathResult } from "@/lib/simulation";
import styles from "./SimulationPanel.module.css";
import { Button } from "@/components/ui/Button";

const OUTCOME_LABELS: Record<PathResult["outcome"], string> = { healthy: "healthy", degraded: "degraded", broken: "broken" };

/** Availability, the bottleneck, what happens in words, utilisation per component and each request path with its playback. */
export function SimulationResults({
  design,
  result,
  playingPathId,
  journey,
  onSelectComponent,
  onPlay,
}: {
  design: Design;
  result: DetailedSimulationResult;
  playingPathId?: string;
  /** The journey playback, shown under the path being played. */
  journey?: ReactNode;
  onSelectComponent: (componentId: string) => void;
  onPlay: (pathId: string) => void;
}) {
  const nameOf = (id: string) => design.components.find((component) => component.id === id)?.name ?? id;
  const loads = Object.values(result.components)
    .filter((load) => load.status !== "idle")
    .sort((a, b) => Number(b.status === "failed") - Number(a.status === "failed") || b.utilisation - a.utilisation);
  return (
    <>
      <div className={styles.summary} aria-label="Simulation summary">
        <p>
          <span className={styles.bigNumber}>{formatPercent(result.availability)}</span> of requests succeed
        </p>
        {result.bottleneck ? (
          <p data-testid="bottleneck">
            Bottleneck: <strong>{nameOf(result.bottleneck.componentId)}</strong> at {formatPercent(result.bottleneck.utilisation)} of capacity
          </p>
        ) : null}
      </div>

      <section aria-label="What happens">
        <h3 className={styles.subheading}>What happens</h3>
        <ul className={styles.explanations}>
          {result.explanations.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-label="Components">
        <h3 className={styles.subheading}>Components by utilisation</h3>
        <ul className={styles.loads}>
          {loads.map((load) => (
            <li key={load.componentId} data-component-id={load.componentId} data-status={load.status}>
              <button type="button" className={styles.loadButton} onClick={() => onSelectComponent(load.componentId)}>
                <span className={styles.loadName}>{nameOf(load.componentId)}</span>
                <span className={styles.loadFigure}>
                  {load.status === "failed" ? "down" : `${formatPercent(load.utilisation)} · ${formatNumber(load.offeredRps)} of ${formatNumber(load.capacityRps)}/s`}
                </span>
                <span className={styles.bar} aria-hidden="true">
                  <span style={{ width: `${Math.min(100, load.utilisation * 100)}%`, background: utilisationColour(load.utilisation) }} />
                </span>
                <span className={styles.status} data-status={load.status}>
                  {load.status}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Request paths">
        <h3 className={styles.subheading}>Request paths</h3>
        {result.paths.length === 0 ? <p className={styles.muted}>No synchronous request paths from an entry point.</p> : null}
        <ul className={styles.paths}>
          {result.paths.map((path) => (
            <li key={path.id} data-outcome={path.outcome} data-playing={playingPathId === path.id ? "true" : undefined}>
              <p className={styles.route}>{path.componentIds.map(nameOf).join(" → ")}</p>
              <p className={styles.pathFigures}>
                <span className={styles.outcome} data-outcome={path.outcome}>
                  {OUTCOME_LABELS[path.outcome]}
                </span>
                p50 {formatMs(path.p50Ms)} · p95 {formatMs(path.p95Ms)} · {formatNumber(path.throughputRps)}/s · errors {formatPercent(path.errorRate)}
              </p>
              <Button size="small" variant="link" onClick={() => onPlay(path.id)} aria-label={`Play the journey along ${path.componentIds.map(nameOf).join(", ")}`}>
                Play journey
              </Button>
              {playingPathId === path.id ? journey : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
