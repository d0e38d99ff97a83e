import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const queueDeadLetter = defineRule({
  id: "queue-dead-letter",
  title: "Queues have a dead-letter queue",
  severity: "warning",
  category: "reliability",
  rationale:
    "A message that always fails (a poison message) is redelivered forever without a dead-letter queue: it burns consumer capacity, blocks ordered processing and disappears silently when retention expires. A dead-letter queue parks it after a few attempts for inspection and replay.",
  citations: [cite("002", "ASYNC LAYER"), cite("002", "Async Processing")],
  remediation: "Turn on the dead-letter queue so messages move there after 3 failed deliveries.",
  detect(design) {
    return design.components.flatMap((component) =>
      component.kind === "queue" && !component.config.deadLetterQueue
        ? [
            {
              targetId: component.id,
              message: `${component.name} has no dead-letter queue: a message that keeps failing is redelivered until it expires and is lost.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "queue", (config) => ({ ...config, deadLetterQueue: true }));
  },
});
