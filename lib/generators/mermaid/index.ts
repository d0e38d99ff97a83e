import type { Generator } from "../types";
import { flowchart } from "./flowchart";
import { sequenceDiagram } from "./sequence";

export const mermaidGenerator: Generator = {
  target: "mermaid",
  generate: (design) => [
    { path: "flowchart.mmd", contents: flowchart(design) },
    { path: "sequence.mmd", contents: sequenceDiagram(design) },
  ],
};
