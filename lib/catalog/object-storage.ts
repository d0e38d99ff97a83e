import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const objectStorage = defineKind({
  kind: "object-storage",
  label: "Object storage",
  layer: "data",
  description: "S3 bucket for files and static assets, private, encrypted and versioned.",
  config: z.object({
    blockPublicAccess: z.boolean().default(true).describe("Block every form of public access; serve through a CDN instead (002 Encryption, 000 S3)."),
    versioning: z.boolean().default(true).describe("Keep old versions of every object (003 \"Disaster Recovery\")."),
    encryption: z.enum(["SSE-S3", "SSE-KMS"]).default("SSE-S3").describe("Server-side encryption, AES-256 (002 Encryption: At Rest)."),
    expireNoncurrentAfterDays: z.number().int().min(1).max(3650).default(90).describe("Delete old versions after this many days (003 \"Cost Optimization\")."),
    capacityPerInstance: capacityOverride("requests/s", "5,500 (002 \"Numbers Matter\")"),
  }),
  acceptsFrom: ["service", "worker", "cdn"],
  acceptsFromReason: "Object storage is read by services and workers, or served through a CDN origin; never straight to clients.",
  defaultProtocol: "http",
  capacity: { perInstance: 5500, unit: "requests/s", latencyMs: 20, source: cite("002", "Numbers Matter") },
  sources: [cite("000", "S3"), cite("003", "Disaster Recovery")],
});
