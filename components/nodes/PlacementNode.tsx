"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { kindDefinition } from "@/lib/catalog";
import { showBidiControls } from "@/lib/generators/naming";
import type { PlacementFlowNode } from "@/lib/designer/to-flow";
import styles from "./ComponentNode.module.css";
import placementStyles from "./PlacementNode.module.css";

/**
 * An echo card: the same component drawn once more in a zone it also runs in, as AWS reference diagrams draw a
 * service in the private subnet of each availability zone. It has no handles (connections belong to the
 * component's own card) and shows where else it runs; selecting it selects the component.
 */
function PlacementNodeView({ data }: NodeProps<PlacementFlowNode>) {
  const { component, zoneName, componentSelected } = data;
  const definition = kindDefinition(component.kind);
  return (
    <div
      className={`${styles.card} ${placementStyles.echo}`}
      data-layer={definition.layer}
      data-selected={componentSelected ? "true" : "false"}
      data-kind={component.kind}
      data-placement="true"
    >
      <div className={styles.tile}>
        <img src={`/icons/${component.kind}.svg`} alt="" width={22} height={22} draggable={false} />
      </div>
      <div className={styles.text}>
        <span className={styles.name} title={showBidiControls(component.name)}>
          {showBidiControls(component.name)}
        </span>
        <span className={styles.kind} title={`Also runs in ${zoneName}`} data-detail="true">
          Also in {zoneName}
        </span>
      </div>
    </div>
  );
}

export const PlacementNode = memo(PlacementNodeView);
