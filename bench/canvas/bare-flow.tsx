import { applyEdgeChanges, applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange, type EdgeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";

declare global {
  interface Window {
    BENCH_GRAPH: { nodes: Node[]; edges: Edge[] };
  }
}

/** The baseline: React Flow's own controlled example with default nodes, nothing of Archway's. */
function BareFlow() {
  const [nodes, setNodes] = useState<Node[]>(window.BENCH_GRAPH.nodes);
  const [edges, setEdges] = useState<Edge[]>(window.BENCH_GRAPH.edges);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes, current)), []);
  return (
    <div style={{ width: "100vw", height: "100vh" }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.1} />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<BareFlow />);
