import type { Importer, SourceFile } from "../types";
import { readKubernetes } from "./read";

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** A Kubernetes object starts a document with `apiVersion:` and names its `kind:`; compose files and Helm values have neither. */
function looksLikeManifest(file: SourceFile): boolean {
  if (!MANIFEST_FILE.test(file.path)) return false;
  const head = file.text.slice(0, 64 * 1024);
  if (/\.json$/i.test(file.path)) return /"apiVersion"\s*:/.test(head) && /"kind"\s*:\s*"[A-Z]/.test(head);
  return /^apiVersion:\s*\S/m.test(head) && /^kind:\s*[A-Z]\w*/m.test(head);
}

/**
 * Kubernetes manifests: multi-document YAML as `kubectl`, `kustomize build` and `helm template` print it, or JSON
 * objects and Lists. Detected when any YAML or JSON file holds an object with `apiVersion` and `kind`.
 */
export const kubernetesImporter: Importer = {
  format: "kubernetes",
  label: "Kubernetes manifests",
  detect: (files) => files.some(looksLikeManifest),
  read: (files, options) => readKubernetes(files.filter((file) => MANIFEST_FILE.test(file.path)), options.name),
};
