import type { GeneratedFile, GeneratorTarget } from "@/lib/generators";
import type { EdgeRoute } from "@/lib/designer/edge-routing";
import type { LayoutResult } from "@/lib/designer/layout";
import type { Picture } from "@/lib/generators/picture/svg";
import type { Design } from "@/lib/model";
import type { ValidationResult } from "@/lib/rules/run-rules";
import type { DetailedSimulationResult, SimulationOptions } from "@/lib/simulation";

/**
 * The editor's heavy jobs and what each takes and gives back. Everything here crosses a worker boundary by
 * structured clone, so inputs and results are plain data (no functions, no class instances).
 */
export interface Jobs {
  /** One output format's files, as the Outputs tab shows them. */
  generate: { input: { design: Design; target: GeneratorTarget }; result: GeneratedFile[] };
  /** The design drawn as an SVG document, for Download SVG and (drawn onto a canvas at 2x) Download PNG. */
  picture: { input: { design: Design }; result: Picture };
  /** The starter repository zip that Export downloads; reports "zipping" once the files are generated. */
  "starter-zip": { input: { design: Design }; result: Uint8Array<ArrayBuffer> };
  /** Every rule over the design: findings and scores for the Findings tab and the canvas badges. */
  validate: { input: { design: Design }; result: ValidationResult };
  /** The Simulate tab's run with its drills and loads. */
  simulate: { input: { design: Design; options: SimulationOptions }; result: DetailedSimulationResult };
  /** Prism's HTML for a file shown in the Outputs tab; undefined for a language Prism does not know. */
  highlight: { input: { path: string; contents: string }; result: string | undefined };
  /** Auto-layout: new positions and zone sizes. */
  layout: { input: { design: Design }; result: LayoutResult };
  /** Edge routes around the cards where they are, by connection id; label widths measured in the page, by label text. */
  routes: { input: { design: Design; labelWidths: Record<string, number> }; result: Record<string, EdgeRoute> };
}

export type JobKind = keyof Jobs;
export type JobInput<K extends JobKind> = Jobs[K]["input"];
export type JobResult<K extends JobKind> = Jobs[K]["result"];

/** A step a long job has reached, for a label such as Export's "Zipping…". */
export type JobStage = "zipping";

/** Page → worker: run this job; a later request on the same worker means the earlier one is no longer wanted. */
export interface JobRequest<K extends JobKind = JobKind> {
  id: number;
  kind: K;
  input: JobInput<K>;
}

/** Worker → page: progress, the result, or why the job failed (the message shown in the panel). */
export type JobMessage<K extends JobKind = JobKind> =
  | { id: number; type: "progress"; stage: JobStage }
  | { id: number; type: "done"; result: JobResult<K> }
  | { id: number; type: "failed"; error: string };
