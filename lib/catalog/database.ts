import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, portField } from "./shared";

export const database = defineKind({
  kind: "database",
  label: "Database",
  layer: "data",
  description: "Relational database (PostgreSQL on RDS) with a Multi-AZ standby, backups and read replicas.",
  config: z.object({
    engine: z.enum(["postgres", "mysql"]).default("postgres").describe("Engine: PostgreSQL (003 \"PostgreSQL Database\")."),
    engineVersion: z.string().regex(/^\d+(\.\d+){0,2}$/, "A version such as 15.4").default("15.4").describe("Engine version: 15.4 (003 \"PostgreSQL Database\")."),
    port: portField(5432, "PostgreSQL port 5432 (003 Pod Architecture: PostgreSQL Port 5432)."),
    multiAz: z.boolean().default(true).describe("Synchronous standby in a second zone, automatic failover in under 60 s (003 \"PostgreSQL Database\" → Multi-AZ Setup)."),
    readReplicas: z.number().int().min(0).max(15).default(0).describe("Read replicas for read-heavy workloads, up to 5 (003 Database Scaling)."),
    backupRetentionDays: z.number().int().min(0).max(35).default(7).describe("Automated daily backups kept 7 days (003 \"PostgreSQL Database\" → Backup Strategy)."),
    pointInTimeRecovery: z.boolean().default(true).describe("Restore to any time within retention (003 Backup Strategy)."),
    storageEncrypted: z.boolean().default(true).describe("Encrypt data at rest, AES-256 (002 Encryption: At Rest)."),
    publiclyAccessible: z.boolean().default(false).describe("Reachable from the internet. Never for a database (003 security groups)."),
    instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "An RDS instance class such as db.t3.medium").default("db.t3.medium").describe("Instance class: db.t3.medium (003 Database Scaling)."),
    allocatedStorageGb: z.number().int().min(20).max(65_536).default(20).describe("Storage in GiB."),
    pool: z
      .object({
        maxConnections: z.number().int().min(1).max(1000).default(10).describe("Pool size per instance: 10 (003 Connection Pooling (HikariCP): Maximum Pool Size)."),
        minIdle: z.number().int().min(0).max(1000).default(2).describe("Idle connections kept: 2 (003 HikariCP: Minimum Idle)."),
        connectionTimeoutMs: z.number().int().min(100).max(600_000).default(30_000).describe("Wait for a connection: 30 s (003 HikariCP: Connection Timeout)."),
        idleTimeoutMs: z.number().int().min(1000).max(3_600_000).default(600_000).describe("Close idle connections after 600 s (003 HikariCP: Idle Timeout)."),
      })
      .prefault({})
      .describe("Connection pool used by callers (003 \"PostgreSQL Database\" → Connection Pooling)."),
    capacityPerInstance: capacityOverride("queries/s", "1,000 (002 \"Numbers Matter\": ~1k-5k QPS)"),
  }),
  acceptsFrom: ["service", "worker"],
  acceptsFromReason: "Only services and workers query a database; it must never be reachable from the internet or a client (003 security groups, 001 NetworkPolicies).",
  defaultProtocol: "tcp",
  capacity: { perInstance: 1000, unit: "queries/s", latencyMs: 5, source: cite("002", "Numbers Matter") },
  sources: [cite("003", "PostgreSQL Database"), cite("003", "Database Architecture")],
});
