"use client";

import { BaseEdge, getSmoothStepPath, Position, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { LABEL_PILL } from "@/lib/designer/design-routes";
import { routePath, type EdgeRoute } from "@/lib/designer/edge-routing";
import { connectionLabel } from "@/lib/designer/labels";
import type { ConnectionFlowEdge } from "@/lib/designer/to-flow";
import { useConnectionPlaying } from "@/components/nodes/SimulationOverlayContext";
import styles from "./ConnectionEdge.module.css";
import { useEdgeRoute } from "./EdgeRoutes";
import { labelTextWidth } from "./label-width";

const PILL_HEIGHT = LABEL_PILL.height;
const PADDING = LABEL_PILL.padding;
const LOCK_WIDTH = LABEL_PILL.lock;

/** A route fits the edge as drawn when it starts and ends on the handles React Flow placed (not so mid-drag). */
function fits(route: EdgeRoute | undefined, sourceX: number, sourceY: number, targetX: number, targetY: number): route is EdgeRoute {
  if (!route || route.points.length < 2) return false;
  const first = route.points[0];
  const last = route.points[route.points.length - 1];
  return Math.abs(first.x - sourceX) < 1 && Math.abs(first.y - sourceY) < 1 && Math.abs(last.x - targetX) < 1 && Math.abs(last.y - targetY) < 1;
}

/**
 * An orthogonal edge routed around the cards (EdgeRoutes) with a pill saying how the call is made: "HTTP · 55 s"
 * (a lock when TLS), dashed when asynchronous. The label is SVG inside the edge rather than HTML through EdgeLabelRenderer: with 1,500 edges
 * that renderer's per-label store subscription costs more than drawing the canvas.
 */
function ConnectionEdgeView({ id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd }: EdgeProps<ConnectionFlowEdge>) {
  const routed = useEdgeRoute(id);
  const route = fits(routed, sourceX, sourceY, targetX, targetY) ? routed : undefined;
  const [stepPath, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 18 });
  const path = route ? routePath(route.points) : stepPath;
  const connection = data?.connection;
  const playing = useConnectionPlaying(id);
  if (!connection) return <BaseEdge id={id} path={path} markerEnd={markerEnd} />;
  const text = connectionLabel(connection);
  const lock = connection.tls ? LOCK_WIDTH : 0;
  const width = Math.ceil(labelTextWidth(text)) + lock + 2 * PADDING;
  // A routed label sits on a free stretch of its line; unrouted (mid-drag), the pill sits beside the line so
  // short edges keep their line and arrowhead visible.
  const vertical = sourcePosition === Position.Top || sourcePosition === Position.Bottom;
  const left = route ? route.label.x : vertical ? labelX + 6 : labelX - width / 2;
  const top = route ? route.label.y : vertical ? labelY - PILL_HEIGHT / 2 : labelY - PILL_HEIGHT - 3;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={playing ? `${styles.path} ${styles.playing}` : styles.path}
        data-protocol={connection.protocol}
        interactionWidth={16}
      />
      <g className={styles.label} data-selected={selected ? "true" : "false"} data-edge-label="true" transform={`translate(${left}, ${top})`}>
        <rect className={styles.pill} width={width} height={PILL_HEIGHT} rx={PILL_HEIGHT / 2} />
        {connection.tls ? (
          <path className={styles.lock} transform={`translate(${PADDING}, 4.5)`} d="M1.2 4h5.6a.8.8 0 0 1 .8.8v3.6a.8.8 0 0 1-.8.8H1.2a.8.8 0 0 1-.8-.8V4.8a.8.8 0 0 1 .8-.8zm1.1 0V2.7a1.7 1.7 0 0 1 3.4 0V4h-1V2.7a.7.7 0 0 0-1.4 0V4z" />
        ) : null}
        <text className={styles.text} x={PADDING + lock} y={PILL_HEIGHT / 2} dominantBaseline="central">
          {text}
        </text>
      </g>
    </>
  );
}

export const ConnectionEdge = memo(ConnectionEdgeView);
