import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const rateLimiter = defineKind({
  kind: "rate-limiter",
  label: "Rate limiter",
  layer: "edge",
  description: "Token bucket or sliding window limiting requests per user and per IP; excess gets 429.",
  config: z.object({
    algorithm: z.enum(["token-bucket", "sliding-window", "fixed-window"]).default("token-bucket").describe("Limiting algorithm (002 edge layer: Token Bucket / Sliding Window)."),
    perUserPerMinute: z.number().int().min(1).max(1_000_000).default(100).describe("Requests per user per minute: 100 (002 edge layer: Per user: 100 req/min)."),
    perIpPerMinute: z.number().int().min(1).max(10_000_000).default(1000).describe("Requests per IP per minute: 1000 (002 edge layer: Per IP: 1000 req/min)."),
    capacityPerInstance: capacityOverride("requests/s", "50,000 (002 \"Numbers Matter\")"),
  }),
  acceptsFrom: ["client", "dns", "cdn", "waf", "load-balancer", "api-gateway", "reverse-proxy"],
  acceptsFromReason: "A rate limiter guards the entry of the system, so only edge and traffic components route through it.",
  defaultProtocol: "http",
  capacity: { perInstance: 50_000, unit: "requests/s", latencyMs: 1, source: cite("002", "Numbers Matter") },
  sources: [cite("002", "Defense in Depth"), cite("002", "READ Operation Flow (e.g., GET /api/products/123)")],
});
