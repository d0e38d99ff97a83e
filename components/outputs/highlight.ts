import Prism from "prismjs";
import "prismjs/components/prism-bash";
import "prismjs/components/prism-docker";
import "prismjs/components/prism-hcl";
import "prismjs/components/prism-json";
import "prismjs/components/prism-markdown";
import "prismjs/components/prism-mermaid";
import "prismjs/components/prism-typescript";
import "prismjs/components/prism-yaml";

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  tf: "hcl",
  yaml: "yaml",
  yml: "yaml",
  ts: "typescript",
  json: "json",
  md: "markdown",
  mmd: "mermaid",
  sh: "bash",
};

export function languageOf(path: string): string | undefined {
  const name = path.split("/").pop() ?? "";
  if (name === "Dockerfile") return "docker";
  return LANGUAGE_BY_EXTENSION[name.split(".").pop() ?? ""];
}

/** Prism escapes the source itself, so the returned HTML holds no markup from the design. */
export function highlightedHtml(path: string, contents: string): string | undefined {
  const language = languageOf(path);
  const grammar = language ? Prism.languages[language] : undefined;
  return grammar && language ? Prism.highlight(contents, grammar, language) : undefined;
}
