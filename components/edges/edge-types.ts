import type { EdgeTypes } from "@xyflow/react";
import { ConnectionEdge } from "./ConnectionEdge";

export const EDGE_TYPES: EdgeTypes = { connection: ConnectionEdge };
