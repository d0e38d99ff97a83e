import { describe, expect, test } from "vitest";
import { asyncRetriesBounded as rule } from "./async-retries-bounded";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("queue", "queue-fail", { name: "Order events", config: { maxReceiveCount: 50 } })
  .component("worker", "worker-fail", { name: "Mailer", config: { maxRetries: 12 } })
  .component("queue", "queue-pass", { config: { maxReceiveCount: 5 } })
  .component("worker", "worker-pass")
  .build();

describe("async-retries-bounded", () => {
  test("flags queues and workers that retry a message more than 5 times", () => {
    expect(findingIds(rule, design)).toEqual(["async-retries-bounded:queue-fail", "async-retries-bounded:worker-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Order events delivers a failing message 50 times before giving up on it.",
      "Mailer retries a failing message 12 times before giving up on it.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix sets the seed's 3 attempts", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "async-retries-bounded:queue-fail"), "async-retries-bounded:worker-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:queue-fail", "~component:worker-fail"]);
    const queue = componentIn(fixed, "queue-fail");
    const worker = componentIn(fixed, "worker-fail");
    expect([queue.kind === "queue" && queue.config.maxReceiveCount, worker.kind === "worker" && worker.config.maxRetries]).toEqual([3, 3]);
  });
});
