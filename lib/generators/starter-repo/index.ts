import type { Design } from "../../model";
import { isSafeRelativePath } from "../naming";
import { createRenderer } from "../typescript/render";
import type { GeneratedFile } from "../types";
import { architectureDocFile } from "./architecture-doc";
import { ciWorkflowFile } from "./ci-workflow";
import { dockerComposeFile } from "./docker-compose";
import { dotfiles } from "./dotfiles";
import { starterRepoFacts, type StarterRepoOptions } from "./facts";
import { kustomizeFiles } from "./kustomize";
import { readmeFile } from "./readme";
import { workspacePackageFile } from "./workspace-package";

function byPath(a: GeneratedFile, b: GeneratedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Every file of the exported starter repository, sorted by path: the TypeScript services as an npm
 * workspace, the Terraform under infra/terraform/, the Kubernetes manifests as a kustomize base with an
 * overlay per environment, docker-compose.yml, the CI workflow, the README, docs/architecture.md and the
 * dotfiles. Pure: the same design and version always give the same files.
 */
export function starterRepoFiles(design: Design, options: StarterRepoOptions): GeneratedFile[] {
  const facts = starterRepoFacts(design, options);
  const render = createRenderer();
  const files = [
    ...facts.services,
    ...facts.terraform.map((file) => ({ path: `infra/terraform/${file.path}`, contents: file.contents })),
    ...kustomizeFiles(facts),
    readmeFile(facts, render),
    architectureDocFile(facts, render),
    workspacePackageFile(facts),
    dockerComposeFile(facts),
    ciWorkflowFile(facts),
    ...dotfiles(facts),
  ].sort(byPath);
  files.forEach((file, index) => {
    if (!isSafeRelativePath(file.path)) throw new Error(`The starter repository would contain an unsafe path: ${JSON.stringify(file.path)}`);
    if (index > 0 && files[index - 1].path === file.path) throw new Error(`The starter repository would contain "${file.path}" twice`);
  });
  return files;
}

export type { StarterRepoOptions } from "./facts";
