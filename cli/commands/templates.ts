import { TEMPLATES, findTemplate, templateSummaries, type TemplateSource } from "@/lib/templates";
import type { CliCommand, CliIo } from "../types";

const USAGE = [
  "Usage: archway templates list [--json]",
  "       archway templates show ID",
  "",
  "  list         Every template: id, source document and title (--json: the same list as GET /api/templates).",
  "  show ID      The template's design document as JSON, ready for `archway validate -` or saving to a file.",
].join("\n");

function sourceText(source: TemplateSource): string {
  return source.doc ? `seed ${source.doc}` : "classic";
}

function list(args: string[], io: CliIo): number {
  const unknown = args.filter((arg) => arg !== "--json");
  if (unknown.length > 0) {
    io.stderr(`archway templates list: unexpected argument "${unknown[0]}"\n\n${USAGE}\n`);
    return 2;
  }
  if (args.includes("--json")) {
    io.stdout(`${JSON.stringify({ templates: templateSummaries() }, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...TEMPLATES.map((template) => template.id.length));
  const sourceWidth = Math.max(...TEMPLATES.map((template) => sourceText(template.source).length));
  const lines = TEMPLATES.map((template) => `${template.id.padEnd(idWidth)}  ${sourceText(template.source).padEnd(sourceWidth)}  ${template.title}`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

function show(args: string[], io: CliIo): number {
  if (args.length !== 1) {
    io.stderr(`archway templates show: give exactly one template id\n\n${USAGE}\n`);
    return 2;
  }
  const template = findTemplate(args[0]);
  if (!template) {
    const known = TEMPLATES.map((candidate) => candidate.id).join(", ");
    io.stderr(`archway templates show: no template "${args[0]}". Known templates: ${known}\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(template.design, null, 2)}\n`);
  return 0;
}

export const templatesCommand: CliCommand = {
  name: "templates",
  summary: "List the template gallery or print a template's design document",
  usage: USAGE,
  async run(args, io) {
    const [subcommand, ...rest] = args;
    if (subcommand === "list") return list(rest, io);
    if (subcommand === "show") return show(rest, io);
    io.stderr(`${subcommand ? `archway templates: unknown subcommand "${subcommand}"` : "archway templates: say list or show"}\n\n${USAGE}\n`);
    return 2;
  },
};
