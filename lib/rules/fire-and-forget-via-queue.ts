import { absolutePosition, graphOf } from "../graph";
import { cite, createComponent, createConnection } from "../model";
import { defineRule } from "./support/define-rule";
import { addComponent, addConnection, asAsync, removeConnection } from "./support/edits";
import { describeConnection } from "./support/format";

/** Work the user does not wait for, recognised by the callee's name (002 "Async Processing" examples). */
const FIRE_AND_FORGET = /\b(e-?mail|mail(er)?|notifications?|notify|push|sms|analytics|tracking|reports?|reporting)\b/i;

export const fireAndForgetViaQueue = defineRule({
  id: "fire-and-forget-via-queue",
  title: "Fire-and-forget work goes through a queue",
  severity: "warning",
  category: "performance",
  rationale:
    "Sending an email, updating analytics or generating a report does not change the answer the user waits for. Called synchronously, it adds its latency to every request and fails the request when it fails; published to a queue, the user gets an immediate response and the work is retried on its own.",
  citations: [cite("002", "Async Processing"), cite("002", "WRITE Operation Flow (e.g., POST /api/orders)")],
  remediation: "Publish the work to a queue and let the service (or a worker) consume it asynchronously.",
  detect(design, { graph }) {
    return design.connections.flatMap((connection) => {
      const target = graph.component(connection.target);
      const source = graph.component(connection.source);
      if (connection.protocol === "async" || target.kind !== "service" || source.kind !== "service" || !FIRE_AND_FORGET.test(target.name)) return [];
      return [
        {
          targetId: connection.id,
          message: `${describeConnection(graph, connection)} is a synchronous call, but ${target.name} sounds like fire-and-forget work: ${source.name}'s callers wait for it and fail with it.`,
          componentIds: [source.id, target.id],
          connectionIds: [connection.id],
        },
      ];
    });
  },
  fix(design, finding) {
    const graph = graphOf(design);
    const connection = graph.connection(finding.targetId);
    const source = graph.component(connection.source);
    const target = graph.component(connection.target);
    const from = absolutePosition(graph, source);
    const to = absolutePosition(graph, target);
    const queue = createComponent(design, "queue", { x: Math.round((from.x + to.x) / 2), y: Math.round((from.y + to.y) / 2) + 80 });
    let next = addComponent(removeConnection(design, connection.id), queue);
    next = addConnection(next, createConnection(next, source, queue));
    return addConnection(next, asAsync(createConnection(next, queue, target)));
  },
});
