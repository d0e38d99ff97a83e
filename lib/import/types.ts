import type { Design } from "../model";

/**
 * What every importer takes and gives back. An importer reads source files of one format (Terraform, Kubernetes
 * manifests, docker-compose, Mermaid) and returns a design plus everything it read but could not map, each with the
 * file, line where the format has lines, and the reason: nothing is dropped silently.
 */

export const IMPORT_FORMATS = ["terraform", "kubernetes", "compose", "mermaid"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One input file, by its path relative to what the person chose (a folder, a zip or single files). */
export interface SourceFile {
  path: string;
  text: string;
}

/** Something read but not turned into part of the design. */
export interface Unmapped {
  file: string;
  /** 1-based, where the format has lines. */
  line?: number;
  /** What it is, as the source names it: `aws_lambda_permission.api`, `PodDisruptionBudget/shop/cart`, `volumes`. */
  item: string;
  reason: string;
}

export interface ImportResult {
  format: ImportFormat;
  design: Design;
  unmapped: Unmapped[];
}

export interface ImportOptions {
  /** Name of the design to create; importers fall back to one derived from the files. */
  name?: string;
}

/** Input the importer cannot read at all (invalid syntax, a YAML bomb, nothing it recognises): the reason, per file. */
export class ImportError extends Error {
  readonly problems: readonly { file: string; line?: number; message: string }[];

  constructor(message: string, problems: readonly { file: string; line?: number; message: string }[]) {
    super(message);
    this.name = "ImportError";
    this.problems = problems;
  }
}

export interface Importer {
  format: ImportFormat;
  /** Human name for menus and messages: "Terraform (AWS)". */
  label: string;
  /** True when these files look like this format (file names and a first look at the contents, no full parse). */
  detect(files: readonly SourceFile[]): boolean;
  /** Reads the files into a design; throws ImportError when nothing usable can be read. */
  read(files: readonly SourceFile[], options: ImportOptions): ImportResult;
}
