import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { autoscaling, capacityOverride, containerResources, httpRoute, portField, workloadProbes } from "./shared";

export const service = defineKind({
  kind: "service",
  label: "Service",
  layer: "compute",
  description: "Stateless application service answering synchronous requests (HTTP or gRPC).",
  config: z.object({
    port: portField(8080, "Application port 8080 (003 \"Spring Boot Backend\": Port 8080 HTTP)."),
    replicas: z.number().int().min(1).max(1000).default(2).describe("Instances running normally: 2 (003 \"Scalability (Handle 10x Traffic Spikes)\": Current 2 pods)."),
    spreadAcrossZones: z.boolean().default(true).describe("Spread instances over availability zones (004: High availability across multiple availability zones)."),
    autoscaling,
    probes: workloadProbes,
    resources: containerResources,
    routes: z
      .array(httpRoute)
      .max(50)
      .default([{ method: "GET", path: "/api/items" }])
      .describe("Routes this service answers (002 READ flow: GET /api/products/123)."),
    stateless: z.boolean().default(true).describe("Keeps no session state in memory (002 \"Horizontal Scaling\": Stateless services)."),
    capacityPerInstance: capacityOverride("requests/s", "500 (003 \"Performance Optimization\")"),
  }),
  acceptsFrom: ["client", "dns", "cdn", "waf", "rate-limiter", "load-balancer", "api-gateway", "reverse-proxy", "service", "queue"],
  acceptsFromReason: "A service is called by the traffic layer, by other services, or consumes a queue.",
  defaultProtocol: "http",
  capacity: { perInstance: 500, unit: "requests/s", latencyMs: 50, source: cite("003", "Performance Optimization") },
  sources: [cite("002", "APPLICATION LAYER"), cite("003", "Spring Boot Backend"), cite("003", "Horizontal Pod Autoscaler (HPA)")],
});
