"use client";

import { NodeResizer, type NodeProps, type ResizeParams } from "@xyflow/react";
import { createContext, memo, useContext } from "react";
import { ZONE_DEFINITIONS } from "@/lib/catalog/zones";
import type { Rect } from "@/lib/designer/geometry";
import type { ZoneFlowNode } from "@/lib/designer/to-flow";
import { showBidiControls } from "@/lib/generators/naming";
import { SEVERITY_LABELS, useFindingBadge } from "./FindingBadgeContext";
import styles from "./ZoneNode.module.css";

/** What a zone's resize handles report to the canvas; the canvas previews the resize and commits it at the end. */
export interface ZoneResizeHandlers {
  onResizeStart: (zoneId: string) => void;
  onResize: (zoneId: string, rect: Rect) => void;
  onResizeEnd: (zoneId: string, rect: Rect) => void;
}

export const ZoneResizeContext = createContext<ZoneResizeHandlers | null>(null);

const toRect = (params: ResizeParams): Rect => ({ x: Math.round(params.x), y: Math.round(params.y), width: Math.round(params.width), height: Math.round(params.height) });

/** Minimum size while resizing by hand; the zone also never shrinks below its contents (see resizeZone). */
const MIN_SIZE = { width: 160, height: 96 };

function ZoneNodeView({ id, data, selected }: NodeProps<ZoneFlowNode>) {
  const { zone } = data;
  const definition = ZONE_DEFINITIONS[zone.kind];
  const resize = useContext(ZoneResizeContext);
  const severity = useFindingBadge(id);
  const address = zone.cidr ?? zone.code;
  return (
    <div className={styles.zone} data-kind={zone.kind} data-selected={selected ? "true" : "false"}>
      {(["top", "right", "bottom", "left"] as const).map((side) => (
        <div key={side} className={styles.border} data-side={side} />
      ))}
      {/* Name first; the kind is the icon after it, named for assistive technology and on hover. */}
      <div className={styles.header} title={`${showBidiControls(zone.name)} (${definition.label}): ${definition.description}`}>
        <span className={styles.name}>{showBidiControls(zone.name)}</span>
        <img className={styles.kindIcon} src={`/icons/${zone.kind}.svg`} alt={definition.label} width={14} height={14} draggable={false} />
        {address ? (
          <span className={styles.meta}>
            <code>{address}</code>
          </span>
        ) : null}
        {severity ? <span className={styles.badge} data-severity={severity} role="img" aria-label={`${SEVERITY_LABELS[severity]} finding`} /> : null}
      </div>
      {/* Last, so its handles sit above the border strips that move the zone. */}
      <NodeResizer
        isVisible={selected}
        minWidth={MIN_SIZE.width}
        minHeight={MIN_SIZE.height}
        handleClassName={styles.resizeHandle}
        lineClassName={styles.resizeLine}
        onResizeStart={() => resize?.onResizeStart(id)}
        onResize={(_, params) => resize?.onResize(id, toRect(params))}
        onResizeEnd={(_, params) => resize?.onResizeEnd(id, toRect(params))}
      />
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);
