import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { MAX_SENSIBLE_RETRIES } from "./retry-bounded";

/** 002 ASYNC LAYER → Retry Logic: Max retries: 3. */
const SEED_RETRIES = 3;

export const asyncRetriesBounded = defineRule({
  id: "async-retries-bounded",
  title: "Message processing retries are bounded",
  severity: "warning",
  category: "reliability",
  rationale:
    "Redelivering a failing message dozens of times delays everything behind it and hammers whatever it calls. Three attempts with backoff handle transient errors; after that the message belongs in the dead-letter queue.",
  citations: [cite("002", "ASYNC LAYER"), cite("002", "Retry with Backoff")],
  remediation: `Deliver a message at most ${SEED_RETRIES} times (never more than ${MAX_SENSIBLE_RETRIES}) before it goes to the dead-letter queue.`,
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind === "queue" && component.config.maxReceiveCount > MAX_SENSIBLE_RETRIES) {
        return [
          {
            targetId: component.id,
            message: `${component.name} delivers a failing message ${component.config.maxReceiveCount} times before giving up on it.`,
            componentIds: [component.id],
          },
        ];
      }
      if (component.kind === "worker" && component.config.maxRetries > MAX_SENSIBLE_RETRIES) {
        return [
          {
            targetId: component.id,
            message: `${component.name} retries a failing message ${component.config.maxRetries} times before giving up on it.`,
            componentIds: [component.id],
          },
        ];
      }
      return [];
    });
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind === "worker") return updateConfig(design, component.id, "worker", (config) => ({ ...config, maxRetries: SEED_RETRIES }));
    return updateConfig(design, finding.targetId, "queue", (config) => ({ ...config, maxReceiveCount: SEED_RETRIES }));
  },
});
