"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, type CSSProperties } from "react";
import { kindDefinition } from "@/lib/catalog";
import { componentSummary } from "@/lib/designer/summary";
import { showBidiControls } from "@/lib/generators/naming";
import type { ComponentFlowNode } from "@/lib/designer/to-flow";
import styles from "./ComponentNode.module.css";
import { SEVERITY_LABELS, useFindingBadge } from "./FindingBadgeContext";
import { overlayText, useComponentOverlay, utilisationColour } from "./SimulationOverlayContext";

const SIDES = [
  ["top", Position.Top],
  ["right", Position.Right],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
] as const;

const BADGE_GLYPHS = { error: "!", warning: "!", info: "i" } as const;

/**
 * A component card: kind icon, name (up to two lines), kind label, a handle on each side, and the worst
 * finding as a badge. Zoomed out, the canvas drops the kind label and draws the name larger (see the
 * level-of-detail rules in the stylesheet), so the name stays readable at the zoom designs open at.
 */
function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const { component } = data;
  const definition = kindDefinition(component.kind);
  const severity = useFindingBadge(id);
  const summary = componentSummary(component);
  const simulation = useComponentOverlay(id);
  const simulated = simulation.load && simulation.load.status !== "idle" ? simulation.load : undefined;
  return (
    <div
      className={styles.card}
      data-layer={definition.layer}
      data-selected={selected ? "true" : "false"}
      data-kind={component.kind}
      data-sim-status={simulated?.status}
      data-sim-active={simulation.active ? "true" : undefined}
      style={simulated ? ({ "--sim-colour": utilisationColour(simulated.utilisation) } as CSSProperties) : undefined}
    >
      {SIDES.map(([side, position]) => (
        <Handle key={side} id={side} type="source" position={position} className={styles.handle} />
      ))}
      <div className={styles.tile}>
        <img src={`/icons/${component.kind}.svg`} alt="" width={22} height={22} draggable={false} />
      </div>
      <div className={styles.text}>
        <span className={styles.name} title={showBidiControls(component.name)}>
          {showBidiControls(component.name)}
        </span>
        {/* The name already says the kind while it is the default name: show the distinguishing settings instead. */}
        <span className={styles.kind} title={`${definition.label}: ${summary}`} data-detail="true">
          {component.name === definition.label ? summary : definition.label}
        </span>
      </div>
      {severity ? (
        <span className={styles.badge} data-severity={severity} role="img" aria-label={`${SEVERITY_LABELS[severity]} finding`}>
          {BADGE_GLYPHS[severity]}
        </span>
      ) : null}
      {simulated ? (
        <span className={styles.utilisation} role="img" aria-label={overlayText(simulated).long} title={overlayText(simulated).long}>
          {overlayText(simulated).short}
        </span>
      ) : null}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
