import type { Design } from "../model";

/** One generated file. `path` is relative, uses forward slashes and never leaves its root. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

export const GENERATOR_TARGETS = ["mermaid", "terraform", "kubernetes", "typescript"] as const;
export type GeneratorTarget = (typeof GENERATOR_TARGETS)[number];

export interface Generator {
  target: GeneratorTarget;
  label: string;
  /** Pure: the same design always gives byte-identical files, sorted by path. */
  generate(design: Design): GeneratedFile[];
}
