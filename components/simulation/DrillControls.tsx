"use client";

import { useState } from "react";
import type { Design } from "@/lib/model";
import type { SimulationFailure } from "@/lib/simulation";
import styles from "./SimulationPanel.module.css";
import { Button } from "@/components/ui/Button";

type DrillType = SimulationFailure["type"];

const DRILL_LABELS: Record<DrillType, string> = { component: "Fail a component", zone: "Fail an availability zone", region: "Fail a region" };

function targetsFor(design: Design, type: DrillType): { id: string; name: string }[] {
  if (type === "component") return design.components.map(({ id, name }) => ({ id, name }));
  const kind = type === "zone" ? "availability-zone" : "region";
  return design.zones.filter((zone) => zone.kind === kind).map(({ id, name }) => ({ id, name }));
}

function drillOf(type: DrillType, id: string): SimulationFailure {
  return type === "component" ? { type, componentId: id } : { type, zoneId: id };
}

function targetId(failure: SimulationFailure): string {
  return failure.type === "component" ? failure.componentId : failure.zoneId;
}

export function describeDrill(design: Design, failure: SimulationFailure): string {
  const id = targetId(failure);
  const name = failure.type === "component" ? design.components.find((component) => component.id === id)?.name : design.zones.find((zone) => zone.id === id)?.name;
  return `${DRILL_LABELS[failure.type]}: ${name ?? id}`;
}

/** Failure drills of 002 "Failure Scenarios": a component, an availability zone or a region, and a 10× spike. */
export function DrillControls({
  design,
  failures,
  spike,
  onFailures,
  onSpike,
}: {
  design: Design;
  failures: SimulationFailure[];
  spike: boolean;
  onFailures: (failures: SimulationFailure[]) => void;
  onSpike: (spike: boolean) => void;
}) {
  const [type, setType] = useState<DrillType>("component");
  const [chosen, setChosen] = useState("");
  const targets = targetsFor(design, type);
  const target = targets.some((candidate) => candidate.id === chosen) ? chosen : (targets[0]?.id ?? "");
  const already = failures.some((failure) => failure.type === type && targetId(failure) === target);
  return (
    <div className={styles.drills}>
      <div className={styles.drillRow}>
        <select aria-label="Drill type" value={type} onChange={(event) => setType(event.target.value as DrillType)}>
          {(Object.keys(DRILL_LABELS) as DrillType[]).map((option) => (
            <option key={option} value={option}>
              {DRILL_LABELS[option]}
            </option>
          ))}
        </select>
        <select aria-label="Drill target" value={target} onChange={(event) => setChosen(event.target.value)} disabled={targets.length === 0}>
          {targets.length === 0 ? <option value="">{type === "zone" ? "No availability zones" : type === "region" ? "No regions" : "No components"}</option> : null}
          {targets.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <Button size="small" disabled={target === "" || already} onClick={() => onFailures([...failures, drillOf(type, target)])}>
          Add drill
        </Button>
      </div>
      {failures.length > 0 ? (
        <ul className={styles.drillList} aria-label="Active drills">
          {failures.map((failure, index) => (
            <li key={`${failure.type}:${targetId(failure)}`}>
              <span>{describeDrill(design, failure)}</span>
              <Button size="small" variant="link" onClick={() => onFailures(failures.filter((_, position) => position !== index))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className={styles.checkbox}>
        <input type="checkbox" checked={spike} onChange={(event) => onSpike(event.target.checked)} />
        10× traffic spike
      </label>
    </div>
  );
}
