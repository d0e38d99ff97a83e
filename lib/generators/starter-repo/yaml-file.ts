import { Document } from "yaml";
import { formatCitation, type Citation } from "../../model";

/**
 * A YAML file from a plain object through the `yaml` library, never by hand, so no value can break the
 * syntax. YAML 1.1 quoting keeps strings like `on` or `0755` strings for the tools that read these files
 * (Docker Compose, GitHub Actions and kustomize all use YAML 1.1-style parsers); objects are written in
 * full rather than as anchors.
 */
export function yamlText(object: unknown): string {
  return new Document(object, { version: "1.1", aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}

/** `yamlText` under a header comment naming where the file comes from. */
export function yamlFile(object: unknown, header: readonly string[], sources: readonly Citation[] = []): string {
  const document = new Document(object, { version: "1.1", aliasDuplicateObjects: false });
  const lines = [...header, ...sources.map((source) => `From ${formatCitation(source)}`)];
  document.commentBefore = lines.map((line) => ` ${line.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")}`).join("\n");
  return document.toString({ lineWidth: 0 });
}
