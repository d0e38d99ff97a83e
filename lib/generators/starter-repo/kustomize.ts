import { parseAllDocuments } from "yaml";
import { cite } from "../../model";
import type { GeneratedFile } from "../types";
import type { StarterRepoFacts } from "./facts";
import { yamlFile, yamlText } from "./yaml-file";

export const KUSTOMIZE_ROOT = "deploy/k8s";
const KUSTOMIZATION_API = "kustomize.config.k8s.io/v1beta1";

/** What an environment changes for every generated workload. */
interface EnvironmentOverlay {
  /** Folder name under overlays/. */
  name: "dev" | "staging" | "prod";
  /** The environment as 003's namespace table and CI section name it. */
  environment: "development" | "staging" | "production";
  /** Fixed pods and size, or null to run the design's own replicas, autoscaling and resources. */
  sizing: { replicas: number; cpu: string; memory: string } | null;
  note: string;
}

/**
 * 003 "Multi-Environment Namespace Strategy": Development: Backend 1 pod, CPU 500m, Mem 512Mi;
 * Staging: Backend 2 pods, CPU 500m, Mem 1Gi; Production: 2-10 pods with auto-scaling. The backend row
 * applies to every generated service and worker. Production runs the design as drawn: its replicas,
 * autoscaling and resources are the production values (the catalogue's defaults come from the same table).
 */
export const ENVIRONMENT_OVERLAYS: readonly EnvironmentOverlay[] = [
  {
    name: "dev",
    environment: "development",
    sizing: { replicas: 1, cpu: "500m", memory: "512Mi" },
    note: 'Development (003 "Multi-Environment Namespace Strategy": Backend: 1 pod, Resources: Light, CPU: 500m, Mem: 512Mi).',
  },
  {
    name: "staging",
    environment: "staging",
    sizing: { replicas: 2, cpu: "500m", memory: "1Gi" },
    note: 'Staging (003 "Multi-Environment Namespace Strategy": Backend: 2 pods, Resources: Medium, CPU: 500m, Mem: 1Gi).',
  },
  {
    name: "prod",
    environment: "production",
    sizing: null,
    note: 'Production (003 "Multi-Environment Namespace Strategy": Backend: 2-10 pods, Auto-Scaling Enabled): the replicas, autoscaling and resources of the design.',
  },
];

/** A base object a patch can target: kustomize matches on group, version, kind, name and namespace. */
export interface BaseObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  component: string | undefined;
  /** The Deployment a HorizontalPodAutoscaler scales; undefined for every other kind. */
  scaleTarget: string | undefined;
}

/** The objects of the generated manifests, read back from their YAML so overlays can only name what exists. */
export function baseObjects(manifests: readonly GeneratedFile[]): BaseObject[] {
  return manifests.flatMap((file) =>
    parseAllDocuments(file.contents, { version: "1.1" }).map((document) => {
      const object = document.toJS() as {
        apiVersion: string;
        kind: string;
        metadata: { name: string; namespace?: string; labels?: Record<string, string> };
        spec?: { scaleTargetRef?: { kind: string; name: string } };
      };
      return {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        component: object.metadata.labels?.["app.kubernetes.io/component"],
        scaleTarget: object.kind === "HorizontalPodAutoscaler" && object.spec?.scaleTargetRef?.kind === "Deployment" ? object.spec.scaleTargetRef.name : undefined,
      };
    }),
  );
}

function target(object: BaseObject): Record<string, string> {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return { group, version, kind: object.kind, name: object.name, ...(object.namespace ? { namespace: object.namespace } : {}) };
}

/** JSON 6902 patches as kustomize reads them inline; `add` also replaces, so a missing field is no error. */
function jsonPatch(object: BaseObject, operations: { path: string; value: unknown }[]): Record<string, unknown> {
  const patch = operations.map((operation) => ({ op: "add", path: operation.path, value: operation.value }));
  return { target: target(object), patch: yamlText(patch) };
}

function overlayPatches(overlay: EnvironmentOverlay, objects: readonly BaseObject[]): Record<string, unknown>[] {
  const sizing = overlay.sizing;
  if (!sizing) return [];
  const isWorkload = (object: BaseObject) => object.component === "service" || object.component === "worker";
  const size = { cpu: sizing.cpu, memory: sizing.memory };
  // An autoscaled Deployment gets its count from the HPA pinned below, never a replicas of its own that each apply would reset.
  const autoscaled = new Set(objects.filter((object) => object.scaleTarget !== undefined).map((object) => `${object.namespace}/${object.scaleTarget}`));
  return [
    ...objects
      .filter((object) => object.kind === "Deployment" && isWorkload(object))
      .map((object) =>
        jsonPatch(object, [
          ...(autoscaled.has(`${object.namespace}/${object.name}`) ? [] : [{ path: "/spec/replicas", value: sizing.replicas }]),
          { path: "/spec/template/spec/containers/0/resources", value: { requests: size, limits: size } },
        ]),
      ),
    ...objects
      .filter((object) => object.kind === "HorizontalPodAutoscaler" && isWorkload(object))
      .map((object) =>
        jsonPatch(object, [
          { path: "/spec/minReplicas", value: sizing.replicas },
          { path: "/spec/maxReplicas", value: sizing.replicas },
        ]),
      ),
  ];
}

/** The base README of the Kubernetes generator, with its apply step replaced by the kustomize one. */
function baseReadme(kubernetes: readonly GeneratedFile[]): string {
  const readme = kubernetes.find((file) => file.path === "README.md")?.contents ?? "# Kubernetes manifests\n\n";
  const apply = readme.indexOf("## Apply");
  const head = apply === -1 ? readme : readme.slice(0, apply);
  return [
    head.trimEnd(),
    "",
    "## Apply",
    "",
    "Apply an overlay, never this folder directly: each overlay sizes the workloads for its environment.",
    "",
    "```sh",
    `kubectl apply -k ${KUSTOMIZE_ROOT}/overlays/dev`,
    "```",
    "",
  ].join("\n");
}

/**
 * deploy/k8s/: the generated manifests as a kustomize base, and an overlay per environment of 003's
 * namespace table. Namespaces stay those of the design (one per namespace zone), so every overlay is applied
 * to its own cluster or context; renaming them per environment would break the NetworkPolicies that name them.
 */
export function kustomizeFiles(facts: StarterRepoFacts): GeneratedFile[] {
  const manifests = facts.kubernetes.filter((file) => file.path.endsWith(".yaml"));
  const objects = baseObjects(manifests);
  const base: GeneratedFile[] = [
    ...manifests.map((file) => ({ path: `${KUSTOMIZE_ROOT}/base/${file.path}`, contents: file.contents })),
    { path: `${KUSTOMIZE_ROOT}/base/README.md`, contents: baseReadme(facts.kubernetes) },
    {
      path: `${KUSTOMIZE_ROOT}/base/kustomization.yaml`,
      contents: yamlFile(
        { apiVersion: KUSTOMIZATION_API, kind: "Kustomization", resources: manifests.map((file) => file.path) },
        ["Every manifest Archway generated from the design; the overlays size it per environment."],
        [cite("003", "Multi-Environment Namespace Strategy")],
      ),
    },
  ];
  const overlays = ENVIRONMENT_OVERLAYS.map((overlay) => {
    const patches = overlayPatches(overlay, objects);
    const kustomization = {
      apiVersion: KUSTOMIZATION_API,
      kind: "Kustomization",
      resources: ["../../base"],
      labels: [{ pairs: { "app.kubernetes.io/environment": overlay.environment }, includeSelectors: false }],
      ...(patches.length > 0 ? { patches } : {}),
    };
    return {
      path: `${KUSTOMIZE_ROOT}/overlays/${overlay.name}/kustomization.yaml`,
      contents: yamlFile(kustomization, [overlay.note, `Apply: kubectl apply -k ${KUSTOMIZE_ROOT}/overlays/${overlay.name}`], [
        cite("003", "Multi-Environment Namespace Strategy"),
        cite("003", "GitHub Actions Workflow"),
      ]),
    };
  });
  return [...base, ...overlays];
}
