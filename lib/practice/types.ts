import type { ComponentKind } from "../catalog";
import type { DesignGraph } from "../graph";
import type { Citation, Design } from "../model";
import type { Category } from "../rules";

export type Difficulty = "easy" | "medium" | "hard";
export const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];

/** A part of the design the rubric talks about: components of some kinds, optionally named like the role. */
export interface Role {
  /** How the rubric names it, e.g. "the order service". */
  label: string;
  kinds: readonly ComponentKind[];
  /** Matches the component name when several components of the kinds play different parts. */
  name?: RegExp;
}

export interface CheckResult {
  passed: boolean;
  /** What the check saw in this design, naming components by their names. */
  detail: string;
}

/** A check over a design, written with the lib/graph helpers the rules use. */
export type Check = (graph: DesignGraph) => CheckResult;

/** A pure edit of the reference answer that makes exactly one rubric item fail (proved by the tests). */
export type Mutation = (design: Design) => Design;

/** A stage of 002 "How do you scale from 1K to 10M users": the load and what the design must add. */
export interface ScaleStage {
  id: string;
  label: string;
  users: number;
  /** What 002 lists for this stage. */
  focus: string;
}

export interface RubricItem {
  id: string;
  title: string;
  points: number;
  category: Category;
  /** Id of the scale stage from which the item counts. */
  stage: string;
  /** Why an interviewer looks for it. */
  explanation: string;
  /** How the reference answer satisfies it. */
  reference: string;
  check: Check;
  /** Edit of the reference answer that fails this item and no other. */
  breaks: Mutation;
  citation?: Citation;
}

export interface ClarifyingQuestion {
  id: string;
  question: string;
  answer: string;
}

export interface Hint {
  id: string;
  text: string;
  /** Points taken off the total when the hint is shown. */
  cost: number;
}

/** What the calculator needs besides the number of users, all stated by the scenario. */
export interface CapacityProfile {
  /** Requests one daily active user makes per day. */
  requestsPerUserPerDay: number;
  /** Share of requests that are reads, 0..1. */
  readShare: number;
  /** Peak load over the daily average. */
  peakFactor: number;
  /** Average response size in KB. */
  responseKb: number;
  /** Data kept per write in KB. */
  storedPerWriteKb: number;
  retentionYears: number;
  /** Share of reads a cache answers, 0..1. */
  cacheHitRate: number;
}

export interface Requirements {
  functional: readonly string[];
  users: string;
  readWriteRatio: string;
  latency: string;
  consistency: string;
  availability: string;
  /** Global or regional. */
  scope: string;
}

export interface Scenario {
  id: string;
  title: string;
  difficulty: Difficulty;
  summary: string;
  requirements: Requirements;
  questions: readonly ClarifyingQuestion[];
  capacity: CapacityProfile;
  stages: readonly ScaleStage[];
  rubric: readonly RubricItem[];
  hints: readonly Hint[];
  /** A design that scores full marks at every stage. */
  reference: Design;
  /** How to talk through the reference answer. */
  referenceNotes: string;
}
