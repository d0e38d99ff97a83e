import { cite } from "../model";
import { defineRule } from "./support/define-rule";

export const danglingComponent = defineRule({
  id: "dangling-component",
  title: "Every component is connected",
  severity: "warning",
  category: "operations",
  rationale:
    "A component with no connections is either forgotten or its connections were never drawn. Either way the diagram no longer says how requests flow, and the generated infrastructure would run (and bill) something nothing uses.",
  citations: [cite("002", "Draw Incrementally"), cite("003", "Cost Optimization")],
  remediation: "Connect the component to the components that call it or that it calls, or delete it.",
  detect(design, { graph }) {
    return design.components.flatMap((component) =>
      graph.incoming(component.id).length === 0 && graph.outgoing(component.id).length === 0
        ? [{ targetId: component.id, message: `${component.name} is not connected to anything.`, componentIds: [component.id] }]
        : [],
    );
  },
});
