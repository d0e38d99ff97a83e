import type { Design } from "../../model";
import { sortedFileMap } from "../file-map";
import { createRenderer } from "../typescript/render";
import type { GeneratedFile } from "../types";
import { architectureDocFile } from "./architecture-doc";
import { ciWorkflowFile } from "./ci-workflow";
import { dockerComposeFile } from "./docker-compose";
import { dotfiles } from "./dotfiles";
import { starterRepoFacts, starterRepoName, type StarterRepoOptions } from "./facts";
import { kustomizeFiles } from "./kustomize";
import { readmeFile } from "./readme";
import { workspacePackageFile } from "./workspace-package";

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
  ];
  return sortedFileMap(files, "The starter repository");
}

/**
 * The zip's entries: every file of the starter repository under one top-level folder named after the design
 * (`starterRepoName`), so unzipping never scatters files into the current folder. The API, the CLI and the
 * editor's Export all zip exactly these entries, which keeps their zips byte-identical.
 */
export function starterRepoZipFiles(design: Design, options: StarterRepoOptions): GeneratedFile[] {
  const folder = starterRepoName(design);
  return starterRepoFiles(design, options).map((file) => ({ path: `${folder}/${file.path}`, contents: file.contents }));
}

export { starterRepoName, type StarterRepoOptions } from "./facts";
