import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const dns = defineKind({
  kind: "dns",
  label: "DNS",
  layer: "edge",
  description: "Authoritative DNS (Route 53) resolving the public name to the edge.",
  config: z.object({
    domain: z.string().min(1).max(253).regex(/^[A-Za-z0-9.-]+$/, "A domain uses letters, digits, dots and hyphens").default("example.com").describe("Public domain served (003 \"AWS Route 53 (DNS Service)\")."),
    routingPolicy: z.enum(["simple", "latency", "geolocation", "failover", "weighted"]).default("latency").describe("How answers are chosen (002 edge layer: Geo-routing, Health checks, Failover)."),
    healthChecks: z.boolean().default(true).describe("Route away from unhealthy endpoints (002 edge layer: Health checks, Failover)."),
    ttlSeconds: z.number().int().min(0).max(86_400).default(300).describe("Record TTL: 300 s (001 \"Layer 1: User Device (UAE)\": TTL 300s)."),
    capacityPerInstance: capacityOverride("requests/s", "1,000,000 (000 \"PHASE 1: DNS RESOLUTION\")"),
  }),
  acceptsFrom: ["client"],
  acceptsFromReason: "DNS answers clients' lookups; other components resolve names internally.",
  defaultProtocol: "tcp",
  capacity: { perInstance: 1_000_000, unit: "requests/s", latencyMs: 20, source: cite("000", "PHASE 1: DNS RESOLUTION") },
  sources: [cite("003", "AWS Route 53 (DNS Service)"), cite("000", "PHASE 1: DNS RESOLUTION")],
});
