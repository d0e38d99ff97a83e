import type { Design } from "../model";

/** One generated file. `path` is relative, uses forward slashes and never leaves its root. */
export interface GeneratedFile {
  path: string;
  /** The file's text, or with `encoding: "base64"` its bytes in base64 (a PNG), so a file map stays plain data. */
  contents: string;
  encoding?: "base64";
}

/** Code and documents (text), then pictures of the design. */
export const CODE_TARGETS = ["mermaid", "terraform", "kubernetes", "typescript"] as const;
export const PICTURE_TARGETS = ["svg", "png"] as const;
export const GENERATOR_TARGETS = [...CODE_TARGETS, ...PICTURE_TARGETS] as const;
export type GeneratorTarget = (typeof GENERATOR_TARGETS)[number];

/** What each target is called in the editor and the CLI; here, apart from the generators, so the page can name the targets without loading them. */
export const TARGET_LABELS: Readonly<Record<GeneratorTarget, string>> = {
  mermaid: "Mermaid diagrams",
  terraform: "Terraform (AWS)",
  kubernetes: "Kubernetes manifests",
  typescript: "TypeScript services",
  svg: "Picture (SVG)",
  png: "Picture (PNG)",
};

export interface Generator {
  target: GeneratorTarget;
  /** Pure: the same design always gives byte-identical files, sorted by path. */
  generate(design: Design): GeneratedFile[];
}
