import { cite } from "../model";
import type { ScaleStage } from "./types";

/** 002 "How do you scale from 1K to 10M users", the stages a practice session climbs. */
export const SCALE_STAGES_SOURCE = cite("002", "How do you scale from 1K to 10M users");

export const STAGE_1K: ScaleStage = { id: "1k", label: "1K users", users: 1_000, focus: "Single server (monolith), single database, no caching needed." };
export const STAGE_10K: ScaleStage = { id: "10k", label: "10K users", users: 10_000, focus: "Split web + app + database, add a load balancer, add a Redis cache." };
export const STAGE_100K: ScaleStage = {
  id: "100k",
  label: "100K users",
  users: 100_000,
  focus: "Microservices, database read replicas, CDN for static assets, async processing (message queue).",
};
export const STAGE_1M: ScaleStage = {
  id: "1m",
  label: "1M users",
  users: 1_000_000,
  focus: "Auto-scaling groups, database sharding, distributed cache cluster, multiple regions.",
};

export const DEFAULT_STAGES: readonly ScaleStage[] = [STAGE_1K, STAGE_10K, STAGE_100K, STAGE_1M];

/** Index of a stage in a scenario's list; items of unknown stages never count. */
export function stageIndex(stages: readonly ScaleStage[], id: string): number {
  return stages.findIndex((stage) => stage.id === id);
}
