import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, tlsField } from "./shared";

export const reverseProxy = defineKind({
  kind: "reverse-proxy",
  label: "Reverse proxy",
  layer: "traffic",
  description: "Ingress controller or reverse proxy (nginx) terminating TLS and routing hosts and paths to services.",
  config: z.object({
    ingressClass: z.string().min(1).max(63).regex(/^[a-z0-9-]+$/, "Lowercase letters, digits and hyphens").default("nginx").describe("Ingress class: nginx (001 \"Layer 5: Kubernetes Ingress/Service Entry Point\")."),
    host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.-]+$/, "A host name uses letters, digits, dots and hyphens").default("api.example.com").describe("Public host routed (001: api.example.com)."),
    tls: tlsField("TLS from cert-manager and Let's Encrypt (001 \"Install cert-manager\")."),
    certManagerIssuer: z.string().min(1).max(63).regex(/^[a-z0-9-]+$/, "Lowercase letters, digits and hyphens").default("letsencrypt-prod").describe("cert-manager ClusterIssuer (001 \"Create Let's Encrypt ClusterIssuer\")."),
    rateLimitPerSecond: z.number().int().min(0).max(100_000).default(100).describe("Requests per second per IP, 0 for none (001 Ingress: nginx rate-limit 100 req/s per IP)."),
    capacityPerInstance: capacityOverride("requests/s", "10,000 (002 \"Numbers Matter\")"),
  }),
  acceptsFrom: ["client", "dns", "cdn", "waf", "rate-limiter", "load-balancer", "api-gateway"],
  acceptsFromReason: "An ingress receives traffic entering the cluster: from the edge, a load balancer or a gateway.",
  defaultProtocol: "http",
  capacity: { perInstance: 10_000, unit: "requests/s", latencyMs: 1, source: cite("002", "Numbers Matter") },
  sources: [cite("001", "Layer 5: Kubernetes Ingress/Service Entry Point"), cite("003", "Kubernetes Architecture")],
});
