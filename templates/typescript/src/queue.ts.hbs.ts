/** Template of src/queue.ts: queues on Redis streams for local development, behind an SQS-shaped interface. */
export default String.raw`import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { Counter, type Registry } from "prom-client";
import type { QueueDefinition } from "./design.js";
import type { EventPublisher, QueueEvent } from "./handlers.js";
import type { Logger } from "./logger.js";

export interface QueueMessage {
  /** Id of the queue the message came from. */
  queue: string;
  id: string;
  /** Parsed JSON when the message is JSON, otherwise its text: other producers may share the queue. */
  body: unknown;
  /** How many times the message has been handed out, this time included. */
  deliveries: number;
}

/**
 * What a consumer needs from a queue. Amazon SQS fits it one to one (ReceiveMessage with long polling,
 * DeleteMessage, the redrive policy for dead letters), so a production transport can replace
 * RedisStreamQueue without touching src/consumer.ts.
 */
export interface QueueReceiver {
  id: string;
  receive(maxMessages: number, waitMs: number): Promise<QueueMessage[]>;
  acknowledge(message: QueueMessage): Promise<void>;
}

export interface QueueMetrics {
  published: Counter<"queue">;
  processed: Counter<"queue" | "outcome">;
  deadLettered: Counter<"queue">;
}

export function createQueueMetrics(registry: Registry): QueueMetrics {
  return {
    published: new Counter({ name: "queue_messages_published_total", help: "Messages published, by queue.", labelNames: ["queue"], registers: [registry] }),
    processed: new Counter({
      name: "queue_messages_processed_total",
      help: "Messages handled, by queue and outcome.",
      labelNames: ["queue", "outcome"],
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: "queue_messages_dead_lettered_total",
      help: "Messages moved to the dead-letter stream (or dropped) after too many deliveries, by queue.",
      labelNames: ["queue"],
      registers: [registry],
    }),
  };
}

type StreamEntry = [id: string, fields: string[]];

function isStreamEntry(value: unknown): value is StreamEntry {
  return Array.isArray(value) && typeof value[0] === "string" && Array.isArray(value[1]);
}

/** Entries of an XCLAIM reply: [[id, fields], ...]. */
function entriesOf(reply: unknown): StreamEntry[] {
  return Array.isArray(reply) ? reply.filter(isStreamEntry) : [];
}

/** Entries of an XREADGROUP reply: [[stream, entries], ...], or null when the wait ended empty. */
function readGroupEntries(reply: unknown): StreamEntry[] {
  return Array.isArray(reply) ? reply.flatMap((stream: unknown) => (Array.isArray(stream) ? entriesOf(stream[1]) : [])) : [];
}

function messageText(fields: string[]): string {
  const index = fields.indexOf("message");
  return index >= 0 ? (fields[index + 1] ?? "") : "";
}

function decode(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A queue on one Redis stream. Consumers read through a consumer group: the queue's "queue" mode puts
 * every consuming component in one group (they compete for messages), "stream" mode gives each its own
 * group (each reads everything). A message that is not acknowledged within the visibility timeout is
 * handed out again; after maxReceiveCount deliveries it moves to the dead-letter stream. Publishing trims
 * entries older than the retention period (XADD MINID, as stream ids start with a millisecond time).
 */
export class RedisStreamQueue implements EventPublisher, QueueReceiver {
  readonly id: string;
  private group: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly definition: QueueDefinition,
    private readonly metrics: QueueMetrics,
    private readonly logger: Logger,
    private readonly consumerName: string = hostname() + "-" + process.pid,
  ) {
    this.id = definition.id;
  }

  async publish(event: QueueEvent): Promise<string> {
    const oldestKept = Date.now() - this.definition.retentionMs;
    const messageId = await this.redis.xadd(this.definition.streamKey, "MINID", "~", String(oldestKept), "*", "message", JSON.stringify(event));
    if (messageId === null) throw new Error("Redis did not add the message to " + this.definition.streamKey);
    this.metrics.published.inc({ queue: this.id });
    return messageId;
  }

  async receive(maxMessages: number, waitMs: number): Promise<QueueMessage[]> {
    await this.ensureGroup();
    const redelivered = await this.reclaimStale(maxMessages);
    if (redelivered.length > 0) return redelivered;
    const reply = await this.redis.xreadgroup(
      "GROUP",
      this.definition.consumerGroup,
      this.consumerName,
      "COUNT",
      maxMessages,
      "BLOCK",
      waitMs,
      "STREAMS",
      this.definition.streamKey,
      ">",
    );
    return readGroupEntries(reply).map(([id, fields]) => ({ queue: this.id, id, body: decode(messageText(fields)), deliveries: 1 }));
  }

  async acknowledge(message: QueueMessage): Promise<void> {
    await this.redis.xack(this.definition.streamKey, this.definition.consumerGroup, message.id);
  }

  /** Creates the consumer group once; a failure is retried on the next receive. */
  private ensureGroup(): Promise<void> {
    this.group ??= this.createGroup().catch((error: unknown) => {
      this.group = null;
      throw error;
    });
    return this.group;
  }

  private async createGroup(): Promise<void> {
    try {
      await this.redis.xgroup("CREATE", this.definition.streamKey, this.definition.consumerGroup, "0", "MKSTREAM");
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("BUSYGROUP"))) throw error;
    }
  }

  /** Takes over messages another delivery left unacknowledged for longer than the visibility timeout. */
  private async reclaimStale(maxMessages: number): Promise<QueueMessage[]> {
    const { streamKey, consumerGroup, visibilityTimeoutMs } = this.definition;
    const pending = await this.redis.xpending(streamKey, consumerGroup, "IDLE", visibilityTimeoutMs, "-", "+", maxMessages);
    const deliveries = new Map<string, number>();
    for (const entry of pending) {
      if (Array.isArray(entry) && typeof entry[0] === "string") deliveries.set(entry[0], Number(entry[3]));
    }
    if (deliveries.size === 0) return [];
    const claimed = await this.redis.xclaim(streamKey, consumerGroup, this.consumerName, visibilityTimeoutMs, ...deliveries.keys());
    const messages: QueueMessage[] = [];
    for (const [id, fields] of entriesOf(claimed)) {
      const message = { queue: this.id, id, body: decode(messageText(fields)), deliveries: (deliveries.get(id) ?? 0) + 1 };
      if (message.deliveries > this.definition.maxReceiveCount) await this.deadLetter(message, messageText(fields));
      else messages.push(message);
    }
    return messages;
  }

  private async deadLetter(message: QueueMessage, text: string): Promise<void> {
    const target = this.definition.deadLetterStreamKey;
    if (target !== null) {
      await this.redis.xadd(target, "*", "message", text, "source-id", message.id, "deliveries", String(message.deliveries));
    }
    await this.acknowledge(message);
    this.metrics.deadLettered.inc({ queue: this.id });
    this.logger.error(
      { queue: this.id, messageId: message.id, deliveries: message.deliveries, deadLetterStream: target },
      target === null ? "message dropped after too many deliveries" : "message moved to the dead-letter stream",
    );
  }
}
`;
