import { cycleLoop, syncCycles } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";

export const syncCallCycle = defineRule({
  id: "sync-call-cycle",
  title: "No cycles of synchronous calls",
  severity: "error",
  category: "reliability",
  rationale:
    "When services call each other in a circle, a slow member holds threads all the way around the loop, timeouts cannot shrink along it, and one request can bounce between them until everything times out: a distributed deadlock. Break the cycle with a queue or by moving the shared logic.",
  citations: [cite("002", "Timeout Configuration"), cite("002", "Async Processing")],
  remediation: "Make one call of the cycle asynchronous (publish an event) or move the logic both sides need into one service.",
  detect(_design, { graph }) {
    return syncCycles(graph).map((cycle) => ({
      targetId: cycle.componentIds[0],
      message: `Synchronous calls go round in a circle: ${cycleLoop(graph, cycle)
        .map((id) => graph.name(id))
        .join(" → ")}.`,
      componentIds: cycle.componentIds,
      connectionIds: cycle.connectionIds,
    }));
  },
});
