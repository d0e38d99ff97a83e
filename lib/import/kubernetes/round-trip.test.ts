import { describe, expect, it } from "vitest";
import { generateDesignDocument } from "../../../bench/shared/generate-design";
import { generate } from "../../generators";
import { KubernetesContext } from "../../generators/kubernetes/context";
import { parseDesign, type Design } from "../../model";
import { TEMPLATES } from "../../templates";
import { kubernetesImporter } from "./index";

/** Components the manifests carry as pods, by kind and name. */
function podComponents(design: Design): string[] {
  const context = new KubernetesContext(design);
  return design.components.filter((component) => context.runsPods(component)).map((component) => `${component.kind} ${component.name}`).sort();
}

/**
 * Calls between pods the manifests allow: a call into a load balancer, gateway or proxy reaches the pods behind it,
 * which is what the NetworkPolicies say. Calls from queues are not in the manifests (the queue is a managed service).
 */
function podCalls(design: Design): string[] {
  const context = new KubernetesContext(design);
  const calls = new Set<string>();
  for (const connection of design.connections) {
    const source = context.component(connection.source);
    if (!context.runsPods(source)) continue;
    for (const pod of context.answeringPods(context.component(connection.target))) if (pod.id !== source.id) calls.add(`${source.kind} ${source.name} -> ${pod.kind} ${pod.name}`);
  }
  return [...calls].sort();
}

function importedCalls(design: Design): string[] {
  const byId = new Map(design.components.map((component) => [component.id, component]));
  const pods = new Set(podComponents(design));
  return design.connections
    .map((connection) => [byId.get(connection.source)!, byId.get(connection.target)!])
    .filter(([source, target]) => pods.has(`${source.kind} ${source.name}`) && pods.has(`${target.kind} ${target.name}`))
    .map(([source, target]) => `${source.kind} ${source.name} -> ${target.kind} ${target.name}`)
    .sort();
}

function randomDesign(seed: number): Design {
  const parsed = parseDesign(generateDesignDocument(42, 3, seed));
  if (!parsed.success) throw new Error("The generated design does not parse");
  return parsed.design;
}

const DESIGNS = [
  ...TEMPLATES.map((template) => [template.id, template.design] as const),
  ...[1, 2, 3, 4, 5].map((seed) => [`random design, seed ${seed}`, randomDesign(seed)] as const),
];

describe("Kubernetes round trip: importing Archway's own manifests", () => {
  it.each(DESIGNS)("gives back the pods and the calls between them for %s", (_id, design) => {
    const files = generate(design, "kubernetes").map((file) => ({ path: file.path, text: file.contents }));
    const pods = podComponents(design);
    expect(pods.length).toBeGreaterThan(0);
    const imported = kubernetesImporter.read(files, {}).design;
    const importedPods = imported.components.filter((component) => component.kind !== "client" && component.kind !== "reverse-proxy" && component.kind !== "load-balancer");
    expect(importedPods.map((component) => `${component.kind} ${component.name}`).sort()).toEqual(pods);
    expect(importedCalls(imported)).toEqual(podCalls(design));
  });
});
