import { existsSync, readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";
import type { GeneratedFile } from "@/lib/generators/types";

const SCHEMA_FOLDER = new URL("../../data/k8s-schemas/v1.36-standalone-strict/", import.meta.url);

/** `apiVersion/kind` → schema file, as published with the schemas (see tests/data/PROVENANCE.md). */
const INDEX: Record<string, string> = JSON.parse(readFileSync(new URL("index.json", SCHEMA_FOLDER), "utf8")).kinds;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv, ["date-time", "byte"]);
ajv.addFormat("int32", { type: "number", validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: (value: number) => Number.isInteger(value) });

const validators = new Map<string, ValidateFunction>();

function validatorFor(apiVersion: string, kind: string): ValidateFunction {
  const key = `${apiVersion}/${kind}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const file = INDEX[key];
  if (!file) throw new Error(`No Kubernetes 1.36 schema for ${key}`);
  const url = new URL(file, SCHEMA_FOLDER);
  if (!existsSync(url)) throw new Error(`Copy ${file} from /work/shared/data/k8s-schemas/v1.36-standalone-strict/ into tests/data/k8s-schemas/ (see PROVENANCE.md)`);
  const { $schema: _metaSchema, ...schema } = JSON.parse(readFileSync(url, "utf8"));
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

export interface KubernetesDocument {
  path: string;
  object: Record<string, unknown>;
}

/**
 * Parses every .yaml file (YAML 1.1, as Kubernetes reads it) and validates each document against the strict
 * schema of its apiVersion/kind: unknown fields, wrong types and missing required fields are all errors.
 */
export function checkKubernetes(files: readonly GeneratedFile[]): { documents: KubernetesDocument[]; problems: string[] } {
  const problems: string[] = [];
  const documents: KubernetesDocument[] = [];
  for (const file of files.filter((candidate) => candidate.path.endsWith(".yaml"))) {
    for (const document of parseAllDocuments(file.contents, { version: "1.1" })) {
      if (document.errors.length > 0) {
        problems.push(`${file.path}: ${document.errors.map((error) => error.message).join("; ")}`);
        continue;
      }
      const object = document.toJS() as Record<string, unknown>;
      const apiVersion = String(object.apiVersion);
      const kind = String(object.kind);
      documents.push({ path: file.path, object });
      try {
        const validate = validatorFor(apiVersion, kind);
        if (!validate(object)) {
          for (const error of validate.errors ?? []) problems.push(`${file.path} (${kind}): ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
        }
      } catch (error) {
        problems.push(`${file.path}: ${(error as Error).message}`);
      }
    }
  }
  return { documents, problems };
}
