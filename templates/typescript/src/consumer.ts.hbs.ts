/** Template of src/consumer.ts: the consume loop and what this service does with each message. */
export default String.raw`import type { EventPublisher, ItemStore } from "./handlers.js";
import type { Logger } from "./logger.js";
import type { QueueMessage, QueueMetrics, QueueReceiver } from "./queue.js";

export type MessageHandler = (message: QueueMessage) => Promise<void>;

export interface Consumer {
  /** Finishes the messages in hand, then resolves; the loop's long poll ends within its wait time. */
  stop(): Promise<void>;
}

export interface ConsumerOptions {
  concurrency: number;
  logger: Logger;
  metrics: QueueMetrics;
  /** Long-poll time of one receive. */
  waitMs?: number;
  /** Pause after a failed receive (Redis down), so the loop does not spin. */
  errorPauseMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Receives up to "concurrency" messages at a time and handles them together. A handled message is
 * acknowledged; a failed one is not, so the queue hands it out again after its visibility timeout and
 * moves it to the dead-letter stream after too many deliveries (seed 002 ASYNC LAYER: Max retries: 3).
 */
export function startConsumer(queue: QueueReceiver, handle: MessageHandler, options: ConsumerOptions): Consumer {
  const waitMs = options.waitMs ?? 1000;
  const errorPauseMs = options.errorPauseMs ?? 1000;
  let running = true;

  async function handleOne(message: QueueMessage): Promise<void> {
    try {
      await handle(message);
      await queue.acknowledge(message);
      options.metrics.processed.inc({ queue: queue.id, outcome: "success" });
    } catch (error) {
      options.metrics.processed.inc({ queue: queue.id, outcome: "failure" });
      options.logger.warn({ err: error, queue: queue.id, messageId: message.id, deliveries: message.deliveries }, "message failed; it will be delivered again");
    }
  }

  const loop = (async () => {
    while (running) {
      try {
        const messages = await queue.receive(options.concurrency, waitMs);
        await Promise.all(messages.map(handleOne));
      } catch (error) {
        options.logger.warn({ err: error, queue: queue.id }, "receiving from the queue failed");
        if (running) await sleep(errorPauseMs);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

export interface MessageHandlerDependencies {
  serviceId: string;
  store: ItemStore | null;
  publishers: readonly EventPublisher[];
  logger: Logger;
}

function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const requestId = (body as Record<string, unknown>)["requestId"];
  return typeof requestId === "string" ? requestId : undefined;
}

/**
 * Records each message in this service's store (idempotently: a redelivered message overwrites its own
 * row) and announces it on every queue this service publishes to. The producer's request id travels on.
 */
export function createMessageHandler(dependencies: MessageHandlerDependencies): MessageHandler {
  return async (message) => {
    const requestId = requestIdOf(message.body) ?? message.id;
    const itemId = message.queue + ":" + message.id;
    await dependencies.store?.replace(itemId, { queue: message.queue, messageId: message.id, message: message.body });
    await Promise.all(
      dependencies.publishers.map((publisher) =>
        publisher.publish({ type: "message.processed", source: dependencies.serviceId, itemId, data: message.body, requestId }),
      ),
    );
    dependencies.logger.info({ requestId, queue: message.queue, messageId: message.id, deliveries: message.deliveries }, "message processed");
  };
}
`;
