import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride, portField } from "./shared";

export const nosqlDatabase = defineKind({
  kind: "nosql-database",
  label: "NoSQL database",
  layer: "data",
  description: "Horizontally sharded NoSQL store (DynamoDB, MongoDB or Cassandra) for massive scale.",
  config: z.object({
    engine: z.enum(["dynamodb", "mongodb", "cassandra"]).default("dynamodb").describe("Engine (002 DATA LAYER: MongoDB / Cassandra / DynamoDB)."),
    port: portField(27017, "MongoDB's port; DynamoDB is reached over HTTPS."),
    shards: z.number().int().min(1).max(1000).default(3).describe("Partitions (002 DATA LAYER: Shard 1 (A-F), Shard 2 (G-M), Shard N (N-Z))."),
    replicationFactor: z.number().int().min(1).max(7).default(3).describe("Copies of each partition."),
    consistency: z.enum(["eventual", "strong"]).default("eventual").describe("Read consistency (002 DATA LAYER: Eventual consistency)."),
    pointInTimeRecovery: z.boolean().default(true).describe("Continuous backups (003 Backup Strategy)."),
    encryptionAtRest: z.boolean().default(true).describe("Encrypt data at rest (002 Encryption: At Rest)."),
    capacityPerInstance: capacityOverride("queries/s", "5,000 per shard (002 \"Numbers Matter\")"),
  }),
  acceptsFrom: ["service", "worker"],
  acceptsFromReason: "Only services and workers query a database; it must never be reachable from the internet or a client (003 security groups, 001 NetworkPolicies).",
  defaultProtocol: "tcp",
  capacity: { perInstance: 5000, unit: "queries/s", latencyMs: 5, source: cite("002", "Numbers Matter") },
  sources: [cite("002", "DATA LAYER"), cite("002", "Horizontal Scaling")],
});
