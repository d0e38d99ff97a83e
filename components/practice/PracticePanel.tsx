"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import type { Design } from "@/lib/model";
import {
  DRILLS,
  estimateCapacity,
  PHASES,
  PHASE_LABELS,
  TIERS,
  type CandidateEstimate,
  type CapacityEstimate,
  type CapacityProfile,
  type DrillRun,
  type TierId,
} from "@/lib/practice";
import styles from "./Practice.module.css";
import { usePracticeSession } from "./session-context";

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function Requirements() {
  const { scenario } = usePracticeSession();
  return (
    <section className={styles.section} aria-label="Scenario">
      <h3>{scenario.title}</h3>
      <p className={styles.muted}>{scenario.summary}</p>
      <ul className={styles.list}>
        {scenario.requirements.functional.map((requirement) => (
          <li key={requirement}>{requirement}</li>
        ))}
      </ul>
    </section>
  );
}

function Phases({ design }: { design: Design }) {
  const { session, send, busy } = usePracticeSession();
  const index = PHASES.indexOf(session.state.phase);
  const next = PHASES[index + 1];
  return (
    <section className={styles.section} aria-label="Phases">
      <h3>Phases</h3>
      <ol className={styles.list}>
        {PHASES.map((phase, position) => (
          <li key={phase} aria-current={phase === session.state.phase ? "step" : undefined}>
            {position < index ? "✓ " : ""}
            {phase === session.state.phase ? <strong>{PHASE_LABELS[phase]}</strong> : PHASE_LABELS[phase]}
          </li>
        ))}
      </ol>
      {next ? (
        <Button size="small" disabled={busy} onClick={() => void send({ type: "advance-phase", design })}>
          Next phase: {PHASE_LABELS[next]}
        </Button>
      ) : (
        <p className={styles.muted}>Last phase: run drills, grow the load, then finish.</p>
      )}
    </section>
  );
}

function Checklist() {
  const { scenario, session, send, busy } = usePracticeSession();
  return (
    <section className={styles.section} aria-label="Clarifying questions">
      <h3>Clarify requirements</h3>
      <ul className={styles.plain}>
        {scenario.questions.map((question) => {
          const asked = session.state.askedQuestionIds.includes(question.id);
          return (
            <li key={question.id}>
              <div className={styles.row}>
                <span>{question.question}</span>
                {asked ? null : (
                  <Button size="small" variant="ghost" disabled={busy} onClick={() => void send({ type: "ask", questionId: question.id })} aria-label={`Ask: ${question.question}`}>
                    Ask
                  </Button>
                )}
              </div>
              {asked ? <p className={styles.answer}>{question.answer}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const PROFILE_FIELDS: { key: keyof CapacityProfile; label: string }[] = [
  { key: "requestsPerUserPerDay", label: "Requests per user per day" },
  { key: "readShare", label: "Read share (0-1)" },
  { key: "peakFactor", label: "Peak / average" },
  { key: "responseKb", label: "Response size (KB)" },
  { key: "storedPerWriteKb", label: "Stored per write (KB)" },
  { key: "retentionYears", label: "Retention (years)" },
  { key: "cacheHitRate", label: "Cache hit rate (0-1)" },
];

const ESTIMATE_FIELDS: { key: "peakRps" | "storageGb" | "bandwidthMbps" | TierId; label: string }[] = [
  { key: "peakRps", label: "Peak requests/s" },
  { key: "storageGb", label: "Storage (GB)" },
  { key: "bandwidthMbps", label: "Bandwidth (Mbit/s)" },
  ...TIERS.map((tier) => ({ key: tier.id, label: tier.label })),
];

function toEstimate(values: Record<string, string>): CandidateEstimate {
  const number = (key: string) => (values[key] === undefined || values[key].trim() === "" ? undefined : Number(values[key]));
  const instances = Object.fromEntries(TIERS.map((tier) => [tier.id, number(tier.id)]).filter(([, value]) => value !== undefined && Number.isFinite(value)));
  const figures = { peakRps: number("peakRps"), storageGb: number("storageGb"), bandwidthMbps: number("bandwidthMbps") };
  return {
    ...Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined && Number.isFinite(value))),
    ...(Object.keys(instances).length > 0 ? { instances } : {}),
  };
}

function fromCalculator(result: CapacityEstimate): Record<string, string> {
  return {
    peakRps: String(result.peakRps),
    storageGb: String(result.storageGb),
    bandwidthMbps: String(result.bandwidthMbps),
    ...Object.fromEntries(TIERS.map((tier) => [tier.id, String(result.instances[tier.id])])),
  };
}

function Calculator() {
  const { scenario, session, send, busy } = usePracticeSession();
  const stage = scenario.stages.find((candidate) => candidate.id === session.state.stageId) ?? scenario.stages[0];
  const [users, setUsers] = useState(String(stage.users));
  const [profile, setProfile] = useState<Record<string, string>>(() => Object.fromEntries(PROFILE_FIELDS.map((field) => [field.key, String(scenario.capacity[field.key])])));
  const [mine, setMine] = useState<Record<string, string>>({});
  const result = useMemo(() => {
    const parsed = Object.fromEntries(PROFILE_FIELDS.map((field) => [field.key, Number(profile[field.key])])) as unknown as CapacityProfile;
    const count = Number(users);
    if (!Number.isFinite(count) || Object.values(parsed).some((value) => !Number.isFinite(value))) return null;
    return estimateCapacity(count, parsed);
  }, [users, profile]);
  const recorded = session.state.estimate;

  return (
    <section className={styles.section} aria-label="Capacity estimate">
      <h3>Estimate capacity</h3>
      <div className={styles.form}>
        <label htmlFor="calc-users">Daily active users</label>
        <input id="calc-users" className={styles.input} inputMode="decimal" value={users} onChange={(event) => setUsers(event.target.value)} />
        {PROFILE_FIELDS.map((field) => (
          <FormField key={field.key} id={`calc-${field.key}`} label={field.label} value={profile[field.key]} onChange={(value) => setProfile({ ...profile, [field.key]: value })} />
        ))}
      </div>
      {result ? (
        <p className={styles.muted} aria-label="Calculator result">
          {result.peakRps} peak req/s ({result.readRps} reads, {result.writeRps} writes), {result.storageGb} GB, {result.bandwidthMbps} Mbit/s; instances: {result.instances.service} app,{" "}
          {result.instances.cache} cache, {result.instances.database} database, {result.instances.loadBalancer} LB.
        </p>
      ) : null}
      <h3>Your estimate</h3>
      <div className={styles.form}>
        {ESTIMATE_FIELDS.map((field) => (
          <FormField key={field.key} id={`estimate-${field.key}`} label={field.label} value={mine[field.key] ?? ""} onChange={(value) => setMine({ ...mine, [field.key]: value })} />
        ))}
      </div>
      <div className={styles.row}>
        <Button size="small" variant="ghost" disabled={!result} onClick={() => result && setMine(fromCalculator(result))}>
          Copy calculator figures
        </Button>
        <Button size="small" disabled={busy} onClick={() => void send({ type: "estimate", estimate: toEstimate(mine) })}>
          Record estimate
        </Button>
      </div>
      {recorded ? <p className={styles.muted}>Recorded: {recorded.peakRps ?? "?"} peak req/s.</p> : null}
    </section>
  );
}

function FormField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} className={styles.input} inputMode="decimal" value={value} onChange={(event) => onChange(event.target.value)} />
    </>
  );
}

function DrillResult({ run }: { run: DrillRun }) {
  return (
    <div>
      <span className={run.passed ? styles.pass : styles.fail}>{run.notApplicable ? "Nothing to fail" : run.passed ? "Survived" : "Failed"}</span> — {percent(run.availability)} served (needs {percent(run.threshold)})
      {run.failed.length > 0 ? <span className={styles.muted}> · down: {run.failed.join(", ")}</span> : null}
      {run.explanations.length > 0 ? (
        <ul className={styles.list}>
          {run.explanations.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Drills({ design }: { design: Design }) {
  const { session, send, busy } = usePracticeSession();
  const latest = (id: string) => [...session.state.drillRuns].reverse().find((run) => run.drillId === id);
  return (
    <section className={styles.section} aria-label="Failure drills">
      <h3>Failure drills</h3>
      <ul className={styles.plain}>
        {DRILLS.map((drill) => {
          const run = latest(drill.id);
          return (
            <li key={drill.id}>
              <div className={styles.row}>
                <span title={drill.expectation}>
                  <strong>{drill.title}</strong> — {drill.question}
                </span>
                <Button size="small" variant="ghost" disabled={busy} onClick={() => void send({ type: "drill", drillId: drill.id, design })} aria-label={`Run drill: ${drill.title}`}>
                  Run
                </Button>
              </div>
              {run ? <DrillResult run={run} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Stages({ design }: { design: Design }) {
  const { scenario, session, send, busy } = usePracticeSession();
  const index = scenario.stages.findIndex((stage) => stage.id === session.state.stageId);
  const stage = scenario.stages[index];
  const next = scenario.stages[index + 1];
  return (
    <section className={styles.section} aria-label="Scale stages">
      <h3>Scale: {stage.label}</h3>
      <p className={styles.muted}>{stage.focus}</p>
      {next ? (
        <Button size="small" disabled={busy} onClick={() => void send({ type: "advance-stage", design })}>
          Grow load to {next.label}
        </Button>
      ) : (
        <p className={styles.muted}>Full scale reached.</p>
      )}
    </section>
  );
}

function Hints() {
  const { scenario, session, send, busy } = usePracticeSession();
  return (
    <section className={styles.section} aria-label="Hints">
      <h3>Hints</h3>
      <ul className={styles.plain}>
        {scenario.hints.map((hint, index) => (
          <li key={hint.id}>
            {session.state.hintIds.includes(hint.id) ? (
              <p className={styles.answer}>{hint.text}</p>
            ) : (
              <Button size="small" variant="ghost" disabled={busy} onClick={() => void send({ type: "hint", hintId: hint.id })}>
                Show hint {index + 1} (−{hint.cost} points)
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The practice side tab: scenario, phases, checklist, calculator, drills, scale stages and hints. */
export function PracticePanel({ design }: { design: Design }) {
  const { error, session } = usePracticeSession();
  return (
    <div className={styles.panel}>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <Requirements />
      <Phases design={design} />
      <Checklist />
      {/* A new stage starts the calculator afresh from that stage's users. */}
      <Calculator key={session.state.stageId} />
      <Stages design={design} />
      <Drills design={design} />
      <Hints />
    </div>
  );
}
