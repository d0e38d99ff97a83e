import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const queue = defineKind({
  kind: "queue",
  label: "Queue",
  layer: "messaging",
  description: "Message queue or event stream (SQS, Kafka, RabbitMQ) decoupling producers from consumers.",
  config: z.object({
    engine: z.enum(["sqs", "kafka", "rabbitmq"]).default("sqs").describe("Broker (002 ASYNC LAYER: Kafka / RabbitMQ / SQS)."),
    mode: z.enum(["queue", "stream"]).default("queue").describe("Work queue or replayable event stream (002 \"Async Processing\")."),
    deadLetterQueue: z.boolean().default(true).describe("Park messages that keep failing (002 ASYNC LAYER: Dead letter queue)."),
    maxReceiveCount: z.number().int().min(1).max(1000).default(3).describe("Deliveries before a message goes to the dead-letter queue: 3 (002 ASYNC LAYER: Max retries: 3)."),
    visibilityTimeoutSeconds: z.number().int().min(0).max(43_200).default(30).describe("How long a received message stays hidden from other consumers."),
    retentionDays: z.number().int().min(1).max(14).default(4).describe("How long unconsumed messages are kept."),
    partitions: z.number().int().min(1).max(10_000).default(3).describe("Partitions of a stream; ignored for a plain queue."),
    encryption: z.boolean().default(true).describe("Encrypt messages at rest (002 Encryption: At Rest)."),
    capacityPerInstance: capacityOverride("messages/s", "100,000 (002 \"Numbers Matter\": Kafka ~100k-1M messages/sec)"),
  }),
  acceptsFrom: ["service", "worker"],
  acceptsFromReason: "Services and workers publish to a queue; clients and the edge never write to it directly.",
  defaultProtocol: "async",
  capacity: { perInstance: 100_000, unit: "messages/s", latencyMs: 5, source: cite("002", "Numbers Matter") },
  sources: [cite("002", "Async Processing"), cite("002", "WRITE Operation Flow (e.g., POST /api/orders)")],
});
