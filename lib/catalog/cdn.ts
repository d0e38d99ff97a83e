import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, tlsField } from "./shared";

export const cdn = defineKind({
  kind: "cdn",
  label: "CDN",
  layer: "edge",
  description: "Edge cache (CloudFront) for static assets and cacheable responses, terminating TLS near users.",
  config: z.object({
    cacheHitRatePercent: z.number().min(0).max(100).default(90).describe("Share of requests answered at the edge: 80-95 % (002 \"Numbers Matter\": CDN cache hit rate)."),
    defaultTtlSeconds: z.number().int().min(0).max(31_536_000).default(3600).describe("How long edge copies live: 1 hour (002 READ flow, step 10: TTL 1 hour)."),
    tls: tlsField("TLS termination at the edge (002 edge layer: SSL/TLS termination)."),
    httpsRedirect: z.boolean().default(true).describe("Redirect HTTP viewers to HTTPS (003 ALB → SSL/TLS: Redirect HTTP → HTTPS)."),
    capacityPerInstance: capacityOverride("requests/s", "1,000,000 (002 \"Numbers Matter\")"),
  }),
  acceptsFrom: ["client", "dns"],
  acceptsFromReason: "A CDN sits at the very edge: only clients (after DNS) reach it.",
  defaultProtocol: "http",
  capacity: { perInstance: 1_000_000, unit: "requests/s", latencyMs: 10, source: cite("002", "Numbers Matter") },
  sources: [cite("002", "Caching Strategy"), cite("002", "Numbers Matter")],
});
