import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, portField, targetHealthCheck, tlsField } from "./shared";

export const loadBalancer = defineKind({
  kind: "load-balancer",
  label: "Load balancer",
  layer: "traffic",
  description: "Application load balancer spreading requests over healthy targets across zones.",
  config: z.object({
    scheme: z.enum(["internet-facing", "internal"]).default("internet-facing").describe("Public entry or private (004: each service behind its own internal ALB)."),
    listenerPort: portField(443, "HTTPS listener: 443 (000 \"HTTPS\", 003 ALB → SSL/TLS)."),
    tls: tlsField("SSL/TLS termination with an ACM certificate (003 ALB → SSL/TLS)."),
    httpsRedirect: z.boolean().default(true).describe("Redirect HTTP → HTTPS (003 ALB → SSL/TLS)."),
    algorithm: z.enum(["round-robin", "least-connections"]).default("least-connections").describe("Target selection (002 READ flow, step 6: Least connections)."),
    crossZone: z.boolean().default(true).describe("Balance across availability zones (002: Cross-zone load balancing)."),
    idleTimeoutSeconds: z.number().int().min(1).max(4000).default(60).describe("Idle connection timeout: 60 s (002 \"Timeout Configuration\": Client 60s)."),
    healthCheck: targetHealthCheck,
    capacityPerInstance: capacityOverride("connections", "10,000 (002 \"Numbers Matter\": ~10k concurrent connections)"),
  }),
  acceptsFrom: ["client", "dns", "cdn", "waf", "rate-limiter", "api-gateway", "reverse-proxy", "service"],
  acceptsFromReason: "A load balancer receives traffic from the edge, a gateway or a calling service, never from data stores.",
  defaultProtocol: "http",
  capacity: { perInstance: 10_000, unit: "connections", latencyMs: 2, source: cite("002", "Numbers Matter") },
  sources: [cite("003", "Application Load Balancer (ALB)"), cite("002", "Numbers Matter")],
});
