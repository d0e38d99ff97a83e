import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, tlsField } from "./shared";

export const apiGateway = defineKind({
  kind: "api-gateway",
  label: "API gateway",
  layer: "traffic",
  description: "Authenticates, throttles and routes API requests to services (path-based routes, VPC link).",
  config: z.object({
    authentication: z.enum(["jwt", "api-key", "oauth2", "none"]).default("jwt").describe("How callers prove who they are: JWT (002 READ flow, step 7: Verify JWT token signature)."),
    throttleRatePerSecond: z.number().int().min(1).max(1_000_000).default(10_000).describe("Steady request rate: 10000/sec (004: Throttling 10000/sec rate)."),
    throttleBurst: z.number().int().min(1).max(1_000_000).default(5000).describe("Burst allowance: 5000 (004: Throttling 5000 burst)."),
    vpcLink: z.boolean().default(false).describe("Reach private load balancers through a VPC link (004: VPC Link connects API Gateway to private VPC)."),
    cors: z.boolean().default(true).describe("Answer CORS preflights (004: CORS Enabled)."),
    tls: tlsField("HTTPS only (004: Internet → API Gateway over HTTPS)."),
    capacityPerInstance: capacityOverride("requests/s", "the throttle rate, 10,000/sec (004)"),
  }),
  acceptsFrom: ["client", "dns", "cdn", "waf", "rate-limiter", "load-balancer", "reverse-proxy"],
  acceptsFromReason: "An API gateway is the front door for API calls: it is reached from the edge or a load balancer, not from services or data stores.",
  defaultProtocol: "http",
  capacity: { perInstance: 10_000, unit: "requests/s", latencyMs: 5, source: cite("004", "Throttling: 5000 burst, 10000/sec rate") },
  sources: [cite("004", "AWS API Gateway (Shared - HTTP API)"), cite("002", "API & TRAFFIC MANAGEMENT")],
});
