/** Template of test/consumer.test.ts: the consume loop with an in-memory queue. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Registry } from "prom-client";
import { createMessageHandler, startConsumer } from "../src/consumer.js";
import type { EventPublisher, ItemRecord, ItemStore, QueueEvent } from "../src/handlers.js";
import { createLogger } from "../src/logger.js";
import { createQueueMetrics, type QueueMessage, type QueueReceiver } from "../src/queue.js";

const logger = createLogger("test", "silent");

class MemoryQueue implements QueueReceiver {
  readonly id = "jobs";
  readonly acknowledged: string[] = [];
  constructor(private pending: QueueMessage[]) {}
  async receive(maxMessages: number, waitMs: number) {
    const batch = this.pending.slice(0, maxMessages);
    this.pending = this.pending.slice(maxMessages);
    if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 5)));
    return batch;
  }
  async acknowledge(message: QueueMessage) {
    this.acknowledged.push(message.id);
  }
}

function message(id: string, body: unknown): QueueMessage {
  return { queue: "jobs", id, body, deliveries: 1 };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe("startConsumer", () => {
  it("acknowledges handled messages and leaves failed ones for redelivery", async () => {
    const queue = new MemoryQueue([message("1", "ok"), message("2", "fail"), message("3", "ok")]);
    const handled: string[] = [];
    const consumer = startConsumer(
      queue,
      async (received) => {
        if (received.body === "fail") throw new Error("cannot handle");
        handled.push(received.id);
      },
      { concurrency: 2, logger, metrics: createQueueMetrics(new Registry()), waitMs: 5 },
    );
    await until(() => handled.length === 2);
    await consumer.stop();
    assert.deepEqual(handled, ["1", "3"]);
    assert.deepEqual(queue.acknowledged, ["1", "3"]);
  });
});

describe("createMessageHandler", () => {
  it("records the message and passes it on with the producer's request id", async () => {
    const stored = new Map<string, unknown>();
    const store: ItemStore = {
      get: async () => null,
      list: async () => [],
      create: async () => null,
      merge: async () => null,
      remove: async () => false,
      replace: async (id: string, data: unknown): Promise<ItemRecord> => {
        stored.set(id, data);
        return { id, data, createdAt: "", updatedAt: "" };
      },
    };
    const events: QueueEvent[] = [];
    const publisher: EventPublisher = {
      id: "next",
      publish: async (event) => {
        events.push(event);
        return "1";
      },
    };
    const handle = createMessageHandler({ serviceId: "mailer", store, publishers: [publisher], logger });
    await handle(message("5-0", { type: "item.created", requestId: "trace-5" }));
    assert.deepEqual(stored.get("jobs:5-0"), { queue: "jobs", messageId: "5-0", message: { type: "item.created", requestId: "trace-5" } });
    assert.equal(events[0]?.requestId, "trace-5");
    assert.equal(events[0]?.type, "message.processed");
  });
});
`;
