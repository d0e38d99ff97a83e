import { kindDefinition } from "../../catalog";
import { ComponentNames } from "../component-names";
import { TERRAFORM_ROOT } from "./ci-workflow";
import type { StarterRepoFacts } from "./facts";
import { KUSTOMIZE_ROOT } from "./kustomize";
import { markdownText } from "./markdown";

/** Where one component's generated code lives, for the README's component table. */
export interface ComponentRow {
  name: string;
  kind: string;
  /** The service's folder under services/, or null for components that are not services or workers. */
  folder: string | null;
  /** Folder of the component's Kubernetes objects in the kustomize base, or null when it has none. */
  kubernetes: string | null;
  /** Terraform files holding the component's resources, each with the resource addresses it declares. */
  terraform: { file: string; addresses: string[] }[];
}

/**
 * A resource header as the HCL block model renders it (lib/generators/terraform/hcl.ts), one per line at
 * column 0: `resource "aws_ecs_service" "orders_api" {`.
 */
const RESOURCE_HEADER = /^resource "([a-z0-9_]+)" "([A-Za-z0-9_]+)" \{$/gm;

/**
 * Name → kind → paths for every component, read from the files generated for it, so the table can only name
 * what exists. A resource label is `<component identifier>` or `<component identifier>_<suffix>`; the longest
 * identifier it starts with owns it (component-names.ts keeps a base from being another base plus a derived suffix).
 */
export function componentRows(facts: StarterRepoFacts): ComponentRow[] {
  const names = new ComponentNames(facts.design);
  const byIdentifier = new Map(facts.design.components.map((component) => [names.of(component).identifier, component.id]));

  const terraform = new Map<string, Map<string, string[]>>();
  for (const file of facts.terraform) {
    for (const [, type, label] of file.contents.matchAll(RESOURCE_HEADER)) {
      const owner = ownerOf(label, byIdentifier);
      if (owner === undefined) continue;
      const files = terraform.get(owner) ?? new Map<string, string[]>();
      const path = `${TERRAFORM_ROOT}/${file.path}`;
      files.set(path, [...(files.get(path) ?? []), `${type}.${label}`]);
      terraform.set(owner, files);
    }
  }

  const kubernetesFolders = new Map<string, string>();
  for (const file of facts.kubernetes) {
    const match = /^(.+\/components\/([^/]+))\//.exec(file.path);
    if (match) kubernetesFolders.set(match[2], `${KUSTOMIZE_ROOT}/base/${match[1]}/`);
  }

  const folders = new Map(facts.plans.map((plan) => [plan.component.id, `${plan.directory}/`]));
  return facts.design.components.map((component) => ({
    name: markdownText(component.name),
    kind: kindDefinition(component.kind).label,
    folder: folders.get(component.id) ?? null,
    kubernetes: kubernetesFolders.get(names.of(component).kubernetes) ?? null,
    terraform: [...(terraform.get(component.id) ?? new Map<string, string[]>())].map(([file, addresses]) => ({ file, addresses })),
  }));
}

/** The component whose identifier is the longest `_`-separated head of `label`. */
function ownerOf(label: string, byIdentifier: ReadonlyMap<string, string>): string | undefined {
  for (let head = label; head.length > 0; head = head.slice(0, Math.max(0, head.lastIndexOf("_")))) {
    const owner = byIdentifier.get(head);
    if (owner !== undefined) return owner;
    if (!head.includes("_")) return undefined;
  }
  return undefined;
}
