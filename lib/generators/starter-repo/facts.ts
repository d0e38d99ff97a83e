import type { Design } from "../../model";
import { runRules, type ValidationResult } from "../../rules/run-rules";
import { generate } from "../index";
import { projectSlug, shortHash } from "../naming";
import type { GeneratedFile } from "../types";
import { planServices, type ServicePlan } from "../typescript/plan";
import { localStack, type LocalStack } from "./local-stack";

export interface StarterRepoOptions {
  /** Version of Archway that produced the export, written into the README. */
  archwayVersion: string;
}

/** Everything the starter repository's files are derived from, computed once per export. */
export interface StarterRepoFacts {
  design: Design;
  archwayVersion: string;
  /** npm package name of the workspace root and prefix of image names: lowercase, `a-z0-9-`. */
  project: string;
  /** Short FNV-1a hash of the whole design document, naming exactly which version of the design produced the export. */
  fingerprint: string;
  plans: ServicePlan[];
  stack: LocalStack;
  validation: ValidationResult;
  mermaid: { flowchart: string; sequence: string };
  terraform: GeneratedFile[];
  kubernetes: GeneratedFile[];
  services: GeneratedFile[];
}

function contentsOf(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`The generator produced no ${path}`);
  return file.contents;
}

/**
 * The design's name as a folder and package name: lowercase `a-z0-9` words joined by single hyphens, at most 60
 * characters, "archway-design" when the name holds no letter or digit. Names the zip's top-level folder and the
 * workspace root package, so the unzipped folder and its package.json agree.
 */
export function starterRepoName(design: Design): string {
  return projectSlug(design.name);
}

export function starterRepoFacts(design: Design, options: StarterRepoOptions): StarterRepoFacts {
  const plans = planServices(design);
  const mermaid = generate(design, "mermaid");
  return {
    design,
    archwayVersion: options.archwayVersion,
    project: starterRepoName(design),
    fingerprint: shortHash(JSON.stringify(design)),
    plans,
    stack: localStack(design, plans),
    validation: runRules(design),
    mermaid: { flowchart: contentsOf(mermaid, "flowchart.mmd"), sequence: contentsOf(mermaid, "sequence.mmd") },
    terraform: generate(design, "terraform"),
    kubernetes: generate(design, "kubernetes"),
    services: generate(design, "typescript"),
  };
}
