import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";

export const client = defineKind({
  kind: "client",
  label: "Client",
  layer: "clients",
  description: "Web browser, mobile or desktop app where requests start.",
  config: z.object({
    platform: z.enum(["web", "mobile", "desktop"]).default("web").describe("What the user runs (002 \"Complete Architecture Diagram\" → CLIENT LAYER)."),
    requestsPerSecond: z.number().min(0).max(10_000_000).default(100).describe("Load this client sends, for capacity estimates (003 \"Scalability (Handle 10x Traffic Spikes)\": 100 requests/sec)."),
    readPercent: z.number().min(0).max(100).optional().describe("Share of this client's requests that only read, for the simulation. Empty takes 90 % (002 \"Start with Requirements\": 90% read, 10% write)."),
    payloadKb: z.number().min(0).max(100_000).optional().describe("Typical request plus response size in KB, for the simulation. Empty takes 1 KB."),
  }),
  acceptsFrom: [],
  acceptsFromReason: "A client is where requests start; nothing in the system calls it.",
  defaultProtocol: "http",
  capacity: { perInstance: 1_000_000, unit: "requests/s", latencyMs: 0, source: cite("002", "CLIENT LAYER") },
  sources: [cite("002", "CLIENT LAYER"), cite("000", "PHASE 1: DNS RESOLUTION")],
});
