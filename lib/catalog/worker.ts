import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { autoscaling, capacityOverride, containerResources, workloadProbes } from "./shared";

export const worker = defineKind({
  kind: "worker",
  label: "Worker",
  layer: "compute",
  description: "Background consumer processing queued work (email, reports, image processing, analytics).",
  config: z.object({
    replicas: z.number().int().min(1).max(1000).default(2).describe("Consumers running normally: 2 (002 \"Async Processing\": scale consumers independently)."),
    concurrency: z.number().int().min(1).max(1000).default(10).describe("Messages handled at once per instance."),
    maxRetries: z.number().int().min(0).max(20).default(3).describe("Attempts before a message goes to the dead-letter queue: 3 (002 ASYNC LAYER: Max retries: 3)."),
    spreadAcrossZones: z.boolean().default(true).describe("Spread instances over availability zones (004: High availability across multiple availability zones)."),
    autoscaling,
    probes: workloadProbes,
    resources: containerResources,
    capacityPerInstance: capacityOverride("messages/s", "200 (002 \"Async Processing\")"),
  }),
  acceptsFrom: ["queue"],
  acceptsFromReason: "A worker takes its work from a queue or stream; synchronous callers should call a service instead.",
  defaultProtocol: "async",
  capacity: { perInstance: 200, unit: "messages/s", latencyMs: 100, source: cite("002", "Async Processing") },
  sources: [cite("002", "Async Processing"), cite("002", "ASYNC LAYER")],
});
