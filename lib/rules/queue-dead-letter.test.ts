import { describe, expect, test } from "vitest";
import { queueDeadLetter as rule } from "./queue-dead-letter";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("queue", "queue-fail", { name: "Order events", config: { deadLetterQueue: false } })
  .component("queue", "queue-pass")
  .build();

describe("queue-dead-letter", () => {
  test("flags a queue without a dead-letter queue", () => {
    expect(findingIds(rule, design)).toEqual(["queue-dead-letter:queue-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Order events has no dead-letter queue: a message that keeps failing is redelivered until it expires and is lost.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix adds the dead-letter queue", () => {
    const fixed = fixFinding(rule, design, "queue-dead-letter:queue-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:queue-fail"]);
    const queue = componentIn(fixed, "queue-fail");
    expect(queue.kind === "queue" && queue.config.deadLetterQueue).toBe(true);
  });
});
