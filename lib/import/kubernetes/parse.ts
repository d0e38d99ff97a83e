import { LineCounter, parseAllDocuments } from "yaml";
import { bracketDepthExceeds, depthExceeds, MAX_DEPTH } from "../support/depth";
import { ImportError, type SourceFile } from "../types";

/** One Kubernetes object as read, with where it came from. */
export interface KubeObject {
  file: string;
  line: number;
  kind: string;
  name: string;
  namespace: string;
  raw: Record<string, unknown>;
}

/** Aliases one document may expand; a YAML bomb multiplies far past this before it is built. */
export const MAX_ALIASES = 200;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objectFrom(file: string, line: number, value: Record<string, unknown>): KubeObject {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    file,
    line,
    kind: typeof value.kind === "string" ? value.kind : "",
    name: typeof metadata.name === "string" ? metadata.name : "",
    namespace: typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "default",
    raw: value,
  };
}

/**
 * Every object in the files: multi-document YAML (what `kustomize build` and `helm template` print) and `List`
 * kinds flattened. Invalid YAML, alias bombs and documents nested past MAX_DEPTH are refused with the file, line and
 * reason; empty documents (a lone `---`) are skipped.
 */
export function parseManifests(files: readonly SourceFile[]): KubeObject[] {
  const objects: KubeObject[] = [];
  const problems: { file: string; line?: number; message: string }[] = [];
  for (const file of files) {
    if (bracketDepthExceeds(file.text)) {
      problems.push({ file: file.path, message: `Nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const lineCounter = new LineCounter();
    let documents;
    try {
      documents = parseAllDocuments(file.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    } catch (error) {
      problems.push({ file: file.path, message: error instanceof RangeError ? `Nested too deeply to read` : `Unreadable YAML: ${String(error)}` });
      continue;
    }
    for (const document of Array.isArray(documents) ? documents : [documents]) {
      const line = lineCounter.linePos(document.contents?.range[0] ?? document.range[0]).line;
      const error = document.errors[0];
      if (error) {
        problems.push({ file: file.path, line: lineCounter.linePos(error.pos[0]).line, message: `Invalid YAML: ${error.message.split("\n")[0]}` });
        continue;
      }
      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: MAX_ALIASES });
      } catch (caught) {
        const message = caught instanceof ReferenceError ? `Refused: aliases expand past ${MAX_ALIASES} (a YAML bomb)` : `Unreadable YAML: ${String(caught)}`;
        problems.push({ file: file.path, line, message });
        continue;
      }
      if (value === null || value === undefined) continue;
      if (depthExceeds(value)) {
        problems.push({ file: file.path, line, message: `Nested more than ${MAX_DEPTH} levels deep` });
        continue;
      }
      if (!isRecord(value)) {
        problems.push({ file: file.path, line, message: "A document is not a Kubernetes object (expected a map with apiVersion and kind)" });
        continue;
      }
      const items = typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items) ? value.items : [value];
      for (const item of items) if (isRecord(item)) objects.push(objectFrom(file.path, line, item));
    }
  }
  if (problems.length > 0) {
    const first = problems[0];
    throw new ImportError(`${first.file}${first.line ? `:${first.line}` : ""}: ${first.message}`, problems);
  }
  return objects;
}
