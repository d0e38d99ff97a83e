import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const secretsManager = defineKind({
  kind: "secrets-manager",
  label: "Secrets manager",
  layer: "operations",
  description: "Stores database credentials, API keys and certificates, with rotation.",
  config: z.object({
    provider: z.enum(["aws-secrets-manager", "vault", "azure-key-vault"]).default("aws-secrets-manager").describe("Where secrets live (002 SECURITY & CONFIGURATION: Vault, AWS Secrets Manager)."),
    rotationDays: z.number().int().min(1).max(365).default(30).describe("Rotate credentials this often (002 \"Zero Trust Architecture\": Regular credential rotation)."),
    capacityPerInstance: capacityOverride("requests/s", "10,000 (002 \"SECURITY & CONFIGURATION\")"),
  }),
  acceptsFrom: ["service", "worker"],
  acceptsFromReason: "Only workloads read secrets; nothing at the edge or in the data tier should.",
  defaultProtocol: "http",
  capacity: { perInstance: 10_000, unit: "requests/s", latencyMs: 10, source: cite("002", "SECURITY & CONFIGURATION") },
  sources: [cite("002", "SECURITY & CONFIGURATION"), cite("003", "ConfigMaps & Secrets")],
});
