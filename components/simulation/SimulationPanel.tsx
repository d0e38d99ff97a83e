"use client";

import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import type { EditorPanelContext } from "@/components/designer/Editor";
import { graphOf } from "@/lib/graph";
import { selectionOf } from "@/lib/designer/selection";
import type { Design } from "@/lib/model";
import { resolveEntryLoads, type EntryLoad, type SimulationOptions } from "@/lib/simulation";
import { SupersededJobError } from "@/components/workers/job-runner";
import { spawnSimulateWorker } from "@/components/workers/spawn";
import { useJobRunner } from "@/components/workers/use-job";
import { DrillControls } from "./DrillControls";
import { EntryLoadsForm } from "./EntryLoadsForm";
import { JourneyPlayback } from "./JourneyPlayback";
import { useSimulationSession, type SimulationInputs } from "./SimulationProvider";
import { SimulationResults } from "./SimulationResults";
import styles from "./SimulationPanel.module.css";
import { Button } from "@/components/ui/Button";

/** 002 "Failure Scenarios": "How do you handle traffic spikes (10x normal load)?" */
const SPIKE_MULTIPLIER = 10;

type EntryLoads = Record<string, Partial<EntryLoad>>;
const NO_LOADS: EntryLoads = {};

/** The loads typed in the panel over the workspace's own defaults, field by field (a cleared field falls back). */
function entryLoadsOver(base: EntryLoads, typed: EntryLoads): EntryLoads {
  const merged: EntryLoads = {};
  for (const id of new Set([...Object.keys(base), ...Object.keys(typed)])) {
    const fields = Object.entries(typed[id] ?? {}).filter(([, value]) => value !== undefined);
    merged[id] = { ...base[id], ...Object.fromEntries(fields) };
  }
  return merged;
}

/** Drills whose target is still in the design, so deleting a component does not leave a dangling drill. */
function optionsFor(design: Design, inputs: SimulationInputs, base: EntryLoads): SimulationOptions {
  const graph = graphOf(design);
  const failures = inputs.failures.filter((failure) => (failure.type === "component" ? graph.components.has(failure.componentId) : graph.zones.has(failure.zoneId)));
  return { entryLoads: entryLoadsOver(base, inputs.entryLoads), failures, loadMultiplier: inputs.spike ? SPIKE_MULTIPLIER : 1 };
}

/**
 * The Simulate side panel: load at each entry point, failure drills, then utilisation per component (also painted
 * on the canvas), the bottleneck, each request path's latency and errors, explanations, and a journey playback.
 * Once simulated, the result follows every edit of the design and of the inputs while the panel is open.
 */
export function SimulationPanel({
  design,
  reveal,
  baseLoads,
}: Pick<EditorPanelContext, "design" | "reveal"> & {
  /** Entry loads to start from instead of each client's own setting, e.g. a practice scenario's current stage. */
  baseLoads?: (design: Design) => EntryLoads;
}) {
  const headingId = useId();
  const { inputs, setInputs, run, setRun, playback, setPlayback, setPanelOpen } = useSimulationSession();
  const current = useDeferredValue(design);
  const base = useMemo(() => baseLoads?.(current) ?? NO_LOADS, [baseLoads, current]);
  const configured = useMemo(() => resolveEntryLoads(graphOf(current), { entryLoads: base }), [current, base]);

  const simulator = useJobRunner(spawnSimulateWorker);
  const [status, setStatus] = useState<{ running: boolean; error?: string }>({ running: false });
  // The design and inputs of the latest request, so an edit asks once and an answer to an older request is dropped.
  const requested = useRef<{ design: Design; inputs: SimulationInputs } | undefined>(undefined);

  const simulateNow = useCallback(() => {
    const request = { design: current, inputs };
    requested.current = request;
    setStatus({ running: true });
    simulator.run("simulate", { design: current, options: optionsFor(current, inputs, base) }).then(
      (result) => {
        if (requested.current !== request) return;
        setRun({ design: current, inputs, result });
        setStatus({ running: false });
      },
      (error: unknown) => {
        if (requested.current !== request || error instanceof SupersededJobError) return;
        setStatus({ running: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [current, inputs, base, setRun, simulator]);

  useEffect(() => {
    const stale = run && (run.design !== current || run.inputs !== inputs);
    const alreadyAsked = requested.current?.design === current && requested.current.inputs === inputs;
    if (stale && !alreadyAsked) simulateNow();
  }, [run, current, inputs, simulateNow]);

  // Other tabs edit the design without re-simulating, so the canvas shows utilisation only while this panel is open;
  // a playback stops with it (its timer lives here).
  useEffect(() => {
    setPanelOpen(true);
    return () => {
      setPanelOpen(false);
      setPlayback(undefined);
    };
  }, [setPanelOpen, setPlayback]);

  const playingPath = playback && run ? run.result.pathDetails.find((path) => path.id === playback.pathId) : undefined;
  const onHop = useCallback((hop: number) => setPlayback(playback ? { ...playback, hop } : undefined), [playback, setPlayback]);

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <header className={styles.header}>
        <h2 id={headingId}>Simulate traffic and failures</h2>
      </header>

      <fieldset className={styles.group}>
        <legend>Load at the entry points</legend>
        <EntryLoadsForm
          design={current}
          configured={configured}
          overrides={inputs.entryLoads}
          onChange={(entryId, load) => setInputs((previous) => ({ ...previous, entryLoads: { ...previous.entryLoads, [entryId]: load } }))}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Failure drills</legend>
        <DrillControls
          design={current}
          failures={inputs.failures}
          spike={inputs.spike}
          onFailures={(failures) => setInputs((previous) => ({ ...previous, failures }))}
          onSpike={(spike) => setInputs((previous) => ({ ...previous, spike }))}
        />
      </fieldset>

      <div className={styles.actions}>
        <Button size="small" variant="primary" onClick={simulateNow}>
          Simulate
        </Button>
        {run ? (
          <Button
            size="small"
            onClick={() => {
              requested.current = undefined;
              simulator.cancel();
              setStatus({ running: false });
              setRun(undefined);
              setPlayback(undefined);
            }}
          >
            Clear
          </Button>
        ) : null}
        {status.running ? (
          <span className={styles.muted} role="status">
            Simulating…
          </span>
        ) : null}
      </div>
      {status.error ? (
        <p role="alert" className={styles.error}>
          The simulation failed: {status.error}
        </p>
      ) : null}

      {run ? (
        <SimulationResults
          design={run.design}
          result={run.result}
          playingPathId={playback?.pathId}
          journey={
            playingPath && playback ? <JourneyPlayback design={run.design} path={playingPath} hop={playback.hop} onHop={onHop} onStop={() => setPlayback(undefined)} /> : null
          }
          onSelectComponent={(componentId) => reveal(selectionOf({ componentIds: [componentId] }))}
          onPlay={(pathId) => setPlayback({ pathId, hop: 0 })}
        />
      ) : (
        <p className={styles.muted}>
          Press Simulate to pour the entry loads through the design: each component shows its utilisation against its capacity (catalog figures from
          002 &quot;Numbers Matter&quot;, editable per component in the inspector), and each request path its latency and errors.
        </p>
      )}
    </section>
  );
}
