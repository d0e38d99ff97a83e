import type { NodeTypes } from "@xyflow/react";
import { AnnotationNode } from "./AnnotationNode";
import { ComponentNode } from "./ComponentNode";
import { PlacementNode } from "./PlacementNode";
import { ZoneNode } from "./ZoneNode";

/** Defined once at module level: React Flow re-mounts every node when this object changes identity. */
export const NODE_TYPES: NodeTypes = { component: ComponentNode, zone: ZoneNode, annotation: AnnotationNode, placement: PlacementNode };
